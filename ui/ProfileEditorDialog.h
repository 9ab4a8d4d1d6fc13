#pragma once

#include "core/Domain.h"
#include "core/Result.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLineEdit;
class QPushButton;

namespace hh {
class IProfileService;
}

namespace hh::ui {

class BusyIndicator;
class ErrorLabel;

// Adds or edits a profile. Save stays disabled until validateProfile() accepts the form; the save
// runs through IProfileService without blocking and the dialog closes only when it succeeded
// (profileSaved() carries the stored profile). A service error is shown and the form kept.
// Open with open() (window-modal, no nested event loop).
class ProfileEditorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileEditorDialog)
public:
    enum class Mode { Add, Edit };

    // profile: the starting values (for Add, e.g. a suggested relationship; for Edit, the stored one).
    ProfileEditorDialog(IProfileService& profiles, Mode mode, const Profile& profile, QWidget* parent = nullptr);
    ~ProfileEditorDialog() override;

    [[nodiscard]] Mode mode() const { return m_mode; }
    // The profile as the form currently describes it.
    [[nodiscard]] Profile profileFromForm() const;
    [[nodiscard]] bool isBusy() const { return m_busy; }

    void accept() override;
    void reject() override;

Q_SIGNALS:
    void profileSaved(const hh::Profile& profile);

private:
    void updateValidation();
    void finishSave(const Result<Profile>& result);
    void setBusy(bool busy);

    IProfileService& m_profiles;
    Mode m_mode;
    Profile m_original;
    bool m_nameTouched = false;
    bool m_busy = false;
    QLineEdit* m_displayName;
    QLineEdit* m_legalName;
    QDateEdit* m_dateOfBirth;
    QCheckBox* m_dobUnknown;
    QComboBox* m_relationship;
    ErrorLabel* m_validation;
    BusyIndicator* m_busyIndicator;
    QDialogButtonBox* m_buttons;
    QPushButton* m_save;
    QPushButton* m_cancel;
};

} // namespace hh::ui
