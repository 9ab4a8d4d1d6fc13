#include "ui/ProfileEditorDialog.h"

#include "core/Services.h"
#include "core/Validation.h"
#include "ui/Async.h"
#include "ui/BusyIndicator.h"
#include "ui/DialogButtons.h"
#include "ui/ErrorLabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hh::ui {

namespace {
constexpr int kMinimumYear = 1880; // as validateProfile()

// The locale's short date, but always with a four-digit year: "1/2/46" is ambiguous for a birth date.
QString dateFormat()
{
    QString format = QLocale().dateFormat(QLocale::ShortFormat);
    if (!format.contains(u"yyyy"_s))
        format.replace(u"yy"_s, u"yyyy"_s);
    return format;
}
} // namespace

ProfileEditorDialog::ProfileEditorDialog(IProfileService& profiles, Mode mode, const Profile& profile,
                                         QWidget* parent)
    : QDialog(parent),
      m_profiles(profiles),
      m_mode(mode),
      m_original(profile),
      m_displayName(new QLineEdit(this)),
      m_legalName(new QLineEdit(this)),
      m_dateOfBirth(new QDateEdit(this)),
      m_dobUnknown(new QCheckBox(tr("Date of birth &unknown"), this)),
      m_relationship(new QComboBox(this)),
      m_validation(new ErrorLabel(this)),
      m_busyIndicator(new BusyIndicator(this)),
      m_buttons(nullptr),
      m_save(nullptr),
      m_cancel(nullptr)
{
    setObjectName(u"profileEditorDialog"_s);
    setWindowTitle(mode == Mode::Add ? tr("Add family member") : tr("Edit profile"));

    m_displayName->setObjectName(u"displayNameLineEdit"_s);
    m_displayName->setAccessibleName(tr("Display name"));
    m_displayName->setPlaceholderText(tr("How the family calls them, e.g. Mom"));
    m_displayName->setMaxLength(100);
    m_legalName->setObjectName(u"legalNameLineEdit"_s);
    m_legalName->setAccessibleName(tr("Legal name"));
    m_legalName->setPlaceholderText(tr("As on insurance cards (optional)"));
    m_legalName->setMaxLength(200);

    const QDate today = QDate::currentDate();
    m_dateOfBirth->setObjectName(u"dateOfBirthDateEdit"_s);
    m_dateOfBirth->setAccessibleName(tr("Date of birth"));
    m_dateOfBirth->setCalendarPopup(true);
    m_dateOfBirth->setDisplayFormat(dateFormat());
    m_dateOfBirth->setDateRange(QDate(kMinimumYear, 1, 1), today);
    m_dobUnknown->setObjectName(u"dateOfBirthUnknownCheckBox"_s);
    m_dobUnknown->setAccessibleName(tr("Date of birth unknown"));

    m_relationship->setObjectName(u"relationshipComboBox"_s);
    m_relationship->setAccessibleName(tr("Relationship"));
    for (const Relationship r : allRelationships())
        m_relationship->addItem(relationshipLabel(r), static_cast<int>(r));

    m_validation->setObjectName(u"validationErrorLabel"_s);
    m_busyIndicator->setObjectName(u"saveBusyIndicator"_s);

    const DialogButtons buttons =
        addDialogButtons(this, mode == Mode::Add ? tr("&Add") : tr("&Save"),
                         mode == Mode::Add ? tr("Add profile") : tr("Save profile"), u"saveButton"_s);
    m_buttons = buttons.box;
    m_save = buttons.ok;
    m_cancel = buttons.cancel;

    // Starting values.
    m_displayName->setText(profile.displayName);
    m_legalName->setText(profile.legalName);
    if (profile.dateOfBirth.isValid()) {
        m_dateOfBirth->setDate(profile.dateOfBirth);
        m_dobUnknown->setChecked(false);
    } else {
        // Unknown until the user says otherwise: no made-up birth date gets stored by accident.
        m_dateOfBirth->setDate(QDate(today.year() - 30, 1, 1));
        m_dobUnknown->setChecked(true);
    }
    m_dateOfBirth->setEnabled(!m_dobUnknown->isChecked());
    m_relationship->setCurrentIndex(std::max(0, m_relationship->findData(static_cast<int>(profile.relationship))));
    m_nameTouched = mode == Mode::Edit;

    auto* form = new QFormLayout;
    auto addRow = [&](const QString& text, QWidget* field) {
        auto* label = new QLabel(text, this);
        label->setBuddy(field);
        form->addRow(label, field);
    };
    addRow(tr("&Display name:"), m_displayName);
    addRow(tr("&Legal name:"), m_legalName);
    auto* dobRow = new QWidget(this);
    auto* dobLayout = new QHBoxLayout(dobRow);
    dobLayout->setContentsMargins(0, 0, 0, 0);
    m_dateOfBirth->setParent(dobRow);
    m_dobUnknown->setParent(dobRow);
    dobLayout->addWidget(m_dateOfBirth);
    dobLayout->addWidget(m_dobUnknown);
    dobLayout->addStretch(1);
    auto* dobLabel = new QLabel(tr("Date of &birth:"), this);
    dobLabel->setBuddy(m_dateOfBirth);
    form->addRow(dobLabel, dobRow);
    addRow(tr("&Relationship:"), m_relationship);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_validation);
    layout->addWidget(m_busyIndicator);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    setTabOrder(m_displayName, m_legalName);
    setTabOrder(m_legalName, m_dateOfBirth);
    setTabOrder(m_dateOfBirth, m_dobUnknown);
    setTabOrder(m_dobUnknown, m_relationship);
    setTabOrder(m_relationship, m_save);
    setTabOrder(m_save, m_cancel);

    connect(m_displayName, &QLineEdit::textEdited, this, [this] {
        m_nameTouched = true;
        updateValidation();
    });
    connect(m_legalName, &QLineEdit::textChanged, this, &ProfileEditorDialog::updateValidation);
    connect(m_dateOfBirth, &QDateEdit::dateChanged, this, &ProfileEditorDialog::updateValidation);
    connect(m_dobUnknown, &QCheckBox::toggled, this, [this](bool unknown) {
        m_dateOfBirth->setEnabled(!unknown && !m_busy);
        if (!unknown)
            m_dateOfBirth->setFocus();
        updateValidation();
    });
    connect(m_relationship, &QComboBox::currentIndexChanged, this, &ProfileEditorDialog::updateValidation);

    m_displayName->setFocus();
    updateValidation();
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
}

ProfileEditorDialog::~ProfileEditorDialog() = default;

Profile ProfileEditorDialog::profileFromForm() const
{
    Profile p = m_original;
    p.displayName = m_displayName->text().trimmed();
    p.legalName = m_legalName->text().trimmed();
    p.dateOfBirth = m_dobUnknown->isChecked() ? QDate() : m_dateOfBirth->date();
    p.relationship = static_cast<Relationship>(m_relationship->currentData().toInt());
    return p;
}

void ProfileEditorDialog::updateValidation()
{
    const Status status = validateProfile(profileFromForm());
    m_save->setEnabled(status.ok() && !m_busy);
    // Do not greet a new, empty form with an error; say it once the name was touched.
    m_validation->showError(status.ok() || !m_nameTouched ? QString() : status.error().message());
}

void ProfileEditorDialog::accept()
{
    if (m_busy)
        return;
    const Profile profile = profileFromForm();
    if (const Status status = validateProfile(profile); !status.ok()) {
        m_nameTouched = true;
        m_validation->showError(status.error().message());
        return;
    }
    setBusy(true);
    auto future = m_mode == Mode::Add ? m_profiles.addProfile(profile) : m_profiles.updateProfile(profile);
    whenFinished(future, this, [this](const Result<Profile>& result) { finishSave(result); });
}

void ProfileEditorDialog::reject()
{
    // A save in flight finishes first, so the family list never misses a stored change.
    if (m_busy)
        return;
    QDialog::reject();
}

void ProfileEditorDialog::finishSave(const Result<Profile>& result)
{
    setBusy(false);
    if (!result.ok()) {
        m_validation->showError(result.error().message().isEmpty() ? tr("The profile could not be saved.")
                                                                   : result.error().message());
        return;
    }
    Q_EMIT profileSaved(result.value());
    QDialog::accept();
}

void ProfileEditorDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_displayName->setEnabled(!busy);
    m_legalName->setEnabled(!busy);
    m_dobUnknown->setEnabled(!busy);
    m_dateOfBirth->setEnabled(!busy && !m_dobUnknown->isChecked());
    m_relationship->setEnabled(!busy);
    m_cancel->setEnabled(!busy);
    if (busy)
        m_busyIndicator->start(tr("Saving…"));
    else
        m_busyIndicator->stop();
    updateValidation();
}

} // namespace hh::ui
