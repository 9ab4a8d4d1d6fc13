#pragma once

#include "core/Domain.h"

#include <QAbstractListModel>
#include <QDate>
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
    };
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
    QDate m_referenceDate;
};

} // namespace hh::ui
