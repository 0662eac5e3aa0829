/* mp-page.h: what the window needs of each of its pages
 *
 * A page (Overview, Milestones, Goals, People, Calendar) shows one
 * document and can bring one of its records into view.  The window
 * holds its pages as MpPage and wires them through this interface
 * only: the `document` property, and "which page shows this record".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-document.h"

G_BEGIN_DECLS

#define MP_TYPE_PAGE (mp_page_get_type ())
G_DECLARE_INTERFACE (MpPage, mp_page, MP, PAGE, GtkWidget)

struct _MpPageInterface
{
  GTypeInterface parent_iface;

  /* Required. */
  MpDocument *(*get_document) (MpPage     *self);
  void        (*set_document) (MpPage     *self,
                               MpDocument *document);
  /* Optional: whether @record (never NULL) is shown on this page, and
   * selecting it there.  Default: not shown; nothing to select. */
  gboolean    (*shows_record) (MpPage     *self,
                               MpRecord   *record);
  void        (*select)       (MpPage     *self,
                               MpRecord   *record);
};

MpDocument *mp_page_get_document  (MpPage     *self);
/* Sets the document (NULL lets go of it) and notifies `document`. */
void        mp_page_set_document  (MpPage     *self,
                                   MpDocument *document);
gboolean    mp_page_shows_record  (MpPage     *self,
                                   MpRecord   *record);
void        mp_page_select        (MpPage     *self,
                                   MpRecord   *record);

/* For implementations, as GtkEditable does: in class_init,
 * mp_page_install_properties (object_class, PROP_DOCUMENT) overrides the
 * interface's `document` property with that id.  A class with
 * properties of its own calls mp_page_delegate_{get,set}_property first
 * in its get/set_property; a class without uses mp_page_get_property and
 * mp_page_set_property as its get/set_property. */
void        mp_page_install_properties    (GObjectClass *object_class,
                                           guint         prop_id);
gboolean    mp_page_delegate_get_property (GObject      *object,
                                           guint         prop_id,
                                           GValue       *value,
                                           GParamSpec   *pspec);
gboolean    mp_page_delegate_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec);
void        mp_page_get_property          (GObject      *object,
                                           guint         prop_id,
                                           GValue       *value,
                                           GParamSpec   *pspec);
void        mp_page_set_property          (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec);

G_END_DECLS
