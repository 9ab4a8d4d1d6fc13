#pragma once

#include "core/Domain.h"

#include <QWidget>

namespace hh::ui {

// One section of the profile view (Summary, Conditions, Labs & vitals, ...). Sections load lazily:
// setProfile() only forgets the previous profile; ensureLoaded() reads the first page when the
// section is shown; refresh() re-reads what is shown after the profile's data changed.
class ProfileSection : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileSection)
public:
    explicit ProfileSection(QWidget* parent = nullptr) : QWidget(parent) {}
    ~ProfileSection() override = default;

    virtual void setProfile(const Profile& profile) = 0;
    virtual void ensureLoaded() = 0;
    virtual void refresh() = 0;
    // The widget that takes focus when the section is shown.
    [[nodiscard]] virtual QWidget* focusTarget() const = 0;

Q_SIGNALS:
    void recordActivated(const QString& recordId);
    void recordKeyActivated(const QString& resourceType, const QString& dedupKey);
    void chartRequested(const QString& codeSystem, const QString& code, const QString& display);
    void connectRequested();
};

} // namespace hh::ui
