#include "ui/LanguageDialog.h"
#include "ui/DialogButtons.h"

#include "ui/LanguageSettings.h"
#include "ui/MessageBoxes.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hh::ui {

LanguageDialog::LanguageDialog(QWidget* parent)
    : QDialog(parent), m_language(new QComboBox(this)), m_hint(new QLabel(this))
{
    setObjectName(u"languageDialog"_s);
    setWindowTitle(tr("Language"));

    m_language->setObjectName(u"languageComboBox"_s);
    m_language->setAccessibleName(tr("Language of Health Hub"));
    // The "C" locale (LC_ALL=C) reads as English, which is what Health Hub then shows.
    const QLocale systemLocale = QLocale::system();
    const QString system = LanguageSettings::nativeName(
        systemLocale.language() == QLocale::C ? QStringLiteral("en") : systemLocale.name());
    m_language->addItem(tr("System language (%1)").arg(system), QString());
    // Each language is written in its own name, so a user who cannot read the current one finds theirs.
    for (const QString& code : LanguageSettings::available())
        m_language->addItem(LanguageSettings::nativeName(code), code);
    const int current = m_language->findData(LanguageSettings::language());
    m_language->setCurrentIndex(current < 0 ? 0 : current);

    auto* label = new QLabel(tr("&Language:"), this);
    label->setBuddy(m_language);
    auto* form = new QFormLayout;
    form->addRow(label, m_language);

    m_hint->setObjectName(u"languageHintLabel"_s);
    m_hint->setWordWrap(true);
    m_hint->setText(tr("Health Hub uses the new language the next time it starts. Dates and numbers follow "
                       "the language too. The --lang command-line option overrides this choice."));

    const DialogButtons buttons = addDialogButtons(this, tr("&OK"), tr("OK"), u"okButton"_s);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addStretch(1);
    layout->addWidget(buttons.box);
    setMinimumWidth(fontMetrics().averageCharWidth() * 56);
    m_language->setFocus();
}

LanguageDialog::~LanguageDialog() = default;

LanguageDialog* LanguageDialog::openFor(QWidget* parent)
{
    auto* dialog = new LanguageDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

QString LanguageDialog::selectedLanguage() const
{
    return m_language->currentData().toString();
}

void LanguageDialog::accept()
{
    const QString code = selectedLanguage();
    if (code != LanguageSettings::language()) {
        LanguageSettings::setLanguage(code);
        Q_EMIT languageChanged(code);
        const QString name = code.isEmpty() ? m_language->currentText() : LanguageSettings::nativeName(code);
        MessageBoxes::information(parentWidget(), tr("Language changed"),
                                  tr("Health Hub will use %1 the next time it starts.").arg(name),
                                  tr("Close Health Hub and open it again to switch now."));
    }
    QDialog::accept();
}

} // namespace hh::ui
