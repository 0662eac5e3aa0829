/* mp-page.c: what the window needs of each of its pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-page.h"

G_DEFINE_INTERFACE (MpPage, mp_page, GTK_TYPE_WIDGET)

static GParamSpec *document_pspec;

static gboolean
mp_page_real_shows_record (MpPage   *self,
                           MpRecord *record)
{
  return FALSE;
}

static void
mp_page_real_select (MpPage   *self,
                     MpRecord *record)
{
}

static void
mp_page_default_init (MpPageInterface *iface)
{
  iface->shows_record = mp_page_real_shows_record;
  iface->select = mp_page_real_select;

  document_pspec = g_param_spec_object ("document", NULL, NULL, MP_TYPE_DOCUMENT,
                                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_interface_install_property (iface, document_pspec);
}

MpDocument *
mp_page_get_document (MpPage *self)
{
  g_return_val_if_fail (MP_IS_PAGE (self), NULL);

  return MP_PAGE_GET_IFACE (self)->get_document (self);
}

void
mp_page_set_document (MpPage     *self,
                      MpDocument *document)
{
  g_return_if_fail (MP_IS_PAGE (self));
  g_return_if_fail (document == NULL || MP_IS_DOCUMENT (document));

  if (mp_page_get_document (self) == document)
    return;
  MP_PAGE_GET_IFACE (self)->set_document (self, document);
  g_object_notify (G_OBJECT (self), "document");
}

gboolean
mp_page_shows_record (MpPage   *self,
                      MpRecord *record)
{
  g_return_val_if_fail (MP_IS_PAGE (self), FALSE);
  g_return_val_if_fail (MP_IS_RECORD (record), FALSE);

  return MP_PAGE_GET_IFACE (self)->shows_record (self, record);
}

void
mp_page_select (MpPage   *self,
                MpRecord *record)
{
  g_return_if_fail (MP_IS_PAGE (self));
  g_return_if_fail (record == NULL || MP_IS_RECORD (record));

  MP_PAGE_GET_IFACE (self)->select (self, record);
}

void
mp_page_install_properties (GObjectClass *object_class,
                            guint         prop_id)
{
  g_object_class_override_property (object_class, prop_id, "document");
}

/* GObject hands implementations the interface's own pspec (the target of
 * the override), so it tells the property apart from the class's own. */
gboolean
mp_page_delegate_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  if (pspec != document_pspec && g_param_spec_get_redirect_target (pspec) != document_pspec)
    return FALSE;
  g_value_set_object (value, mp_page_get_document (MP_PAGE (object)));
  return TRUE;
}

gboolean
mp_page_delegate_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  if (pspec != document_pspec && g_param_spec_get_redirect_target (pspec) != document_pspec)
    return FALSE;
  mp_page_set_document (MP_PAGE (object), g_value_get_object (value));
  return TRUE;
}

void
mp_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  if (!mp_page_delegate_get_property (object, prop_id, value, pspec))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

void
mp_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  if (!mp_page_delegate_set_property (object, prop_id, value, pspec))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}
