#pragma once

#include "core/Domain.h"
#include "core/records/RecordTypes.h"

#include <QAbstractListModel>
#include <QDate>
#include <QHash>
#include <QList>

#include <optional>

namespace hh::ui {

// The signed-in account's profiles for the family list, ordered by display name (locale-aware).
// Holds only what the service delivered; it never talks to a service itself. GUI thread only.
class ProfileListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileListModel)
public:
    enum Role {
        ProfileIdRole = Qt::UserRole + 1,
        ProfileRole,           // QVariant<hh::Profile>
        LegalNameRole,
        RelationshipRole,      // int(hh::Relationship)
        RelationshipKeyRole,   // "mother", ...
        RelationshipLabelRole, // translated
        DateOfBirthRole,       // QDate, invalid when unknown
        AgeRole,               // int years, invalid QVariant when unknown
        AgeTextRole,           // "42 years", "8 months", "Age unknown"
        InitialsRole,
        AvatarColorRole,       // QColor, stable per profile id
        // From the records service (empty until the first overview arrives):
        OverviewRole,          // QVariant<hh::records::ProfileOverview>
        HasOverviewRole,       // bool
        SyncTextRole,          // "Synced 1 May 2024 10:00", "Syncing…", "Never synced"
        SyncStateRole,         // int(SyncState)
        CountsTextRole,        // "2 conditions · 2 medications · 1 allergy"
        AlertsRole,            // QStringList, one line per alert, most important first
        AlertCountRole,        // int
    };
    enum class SyncState { Unknown, NotConnected, Ok, Running, Failed, NeedsSignIn };
    Q_ENUM(Role)

    explicit ProfileListModel(QObject* parent = nullptr);
    ~ProfileListModel() override;

    [[nodiscard]] int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    // Replaces everything (a fresh list from the service).
    void setProfiles(QList<Profile> profiles);
    // Adds the profile or replaces the one with the same id, keeping the order; returns its index.
    QModelIndex upsertProfile(const Profile& profile);
    // Returns false when no profile has that id.
    bool removeProfile(const QString& profileId);
    void clear();

    [[nodiscard]] std::optional<Profile> profileAt(int row) const;
    [[nodiscard]] int rowOf(const QString& profileId) const;
    [[nodiscard]] const QList<Profile>& profiles() const { return m_profiles; }
    [[nodiscard]] bool containsRelationship(Relationship relationship) const;

    // Attaches the records overview (counts, alerts, sync state) to its profile's card; ignored for
    // an unknown profile. Only that card changes (dataChanged).
    void setOverview(const records::ProfileOverview& overview);
    [[nodiscard]] std::optional<records::ProfileOverview> overviewOf(const QString& profileId) const;

    // The date ages are computed against; an invalid date (the default) means today.
    void setReferenceDate(QDate date);

    // Completed years between dob and today; nullopt when dob is unknown or after today.
    [[nodiscard]] static std::optional<int> ageInYears(QDate dob, QDate today);
    // "42 years", "18 months" (under two), "Under a month", "Age unknown".
    [[nodiscard]] static QString ageText(QDate dob, QDate today);

private:
    [[nodiscard]] QDate today() const;
    [[nodiscard]] int insertPosition(const Profile& profile, int ignoreRow) const;

    QList<Profile> m_profiles;
    QHash<QString, records::ProfileOverview> m_overviews; // by profile id
    QDate m_referenceDate;
};

} // namespace hh::ui
