#include "ui/DialogButtons.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace hh::ui {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(hh::ui::DialogButtons)
};
} // namespace

DialogButtons addDialogButtons(QDialog* dialog, const QString& okText, const QString& okAccessibleName,
                               const QString& okObjectName)
{
    DialogButtons b;
    b.box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    b.box->setObjectName(u"buttonBox"_s);
    b.ok = b.box->button(QDialogButtonBox::Ok);
    b.ok->setObjectName(okObjectName);
    b.ok->setText(okText);
    b.ok->setAccessibleName(okAccessibleName);
    b.cancel = b.box->button(QDialogButtonBox::Cancel);
    b.cancel->setObjectName(u"cancelButton"_s);
    b.cancel->setText(Tr::tr("&Cancel"));
    b.cancel->setAccessibleName(Tr::tr("Cancel"));
    QObject::connect(b.box, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(b.box, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return b;
}

} // namespace hh::ui
