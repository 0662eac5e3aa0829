/* mp-template-dialog.h: "New from Template…"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-model.h"

G_BEGIN_DECLS

#define MP_TYPE_TEMPLATE_DIALOG (mp_template_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MpTemplateDialog, mp_template_dialog, MP, TEMPLATE_DIALOG, GtkWindow)

/* Called once when the user chooses Create, with the new plan
 * (transfer none: take a reference to keep it, e.g. by passing it to
 * mp_document_new ()). The dialog closes right after. Never called when
 * the user cancels, nor after @parent was destroyed. */
typedef void (*MpTemplateCreatedFunc) (MpPlan   *plan,
                                       gpointer  user_data);

/* Opens the modal "New from Template" dialog over @parent (may be NULL):
 * the built-in templates (name, description; the first selected), the
 * target date (default: about three months from today) and a preview of
 * the steps laid out back from it. Create calls @callback with
 * mp_templates_create ()'s plan. Returns the dialog (transfer none).
 *
 *   static void
 *   plan_created (MpPlan *plan, gpointer user_data)
 *   {
 *     g_autoptr(MpDocument) doc = mp_document_new (plan, NULL);
 *     ... show doc in a window ...
 *   }
 *   mp_template_dialog_present (GTK_WINDOW (self), plan_created, self); */
MpTemplateDialog *mp_template_dialog_present      (GtkWindow             *parent,
                                                   MpTemplateCreatedFunc  callback,
                                                   gpointer               user_data);

/* The template selected ("classic", "enterprise"); selecting an unknown
 * id changes nothing. */
const char       *mp_template_dialog_get_template (MpTemplateDialog      *self);
void              mp_template_dialog_set_template (MpTemplateDialog      *self,
                                                   const char            *id);
MpDate            mp_template_dialog_get_target   (MpTemplateDialog      *self);
void              mp_template_dialog_set_target   (MpTemplateDialog      *self,
                                                   MpDate                 target);
/* What the Create button does. */
void              mp_template_dialog_create       (MpTemplateDialog      *self);

G_END_DECLS
