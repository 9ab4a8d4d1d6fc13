#pragma once

#include <QDate>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace hh {

// Relationship of a profile to the caregiver (the account holder).
enum class Relationship { Self, Mother, Father, Spouse, Child, Sibling, Grandparent, Other };

// Stable keys used in the database and on the command line: self, mother, father, spouse, child,
// sibling, grandparent, other.
QString relationshipKey(Relationship r);
std::optional<Relationship> relationshipFromKey(QStringView key);
QList<Relationship> allRelationships();
// Translated label for the GUI.
QString relationshipLabel(Relationship r);

// An account (table users). Several accounts may share a vault.
struct User {
    QString id;        // uuid, lowercase, no braces
    QString email;     // as entered; compared case-insensitively
    QString name;
    QString createdAt; // UTC ISO 8601 with ms and Z
};

// A family member (table profiles).
struct Profile {
    QString id;
    QString userId;
    QString displayName;   // required
    QString legalName;     // optional
    QDate dateOfBirth;     // optional; never in the future
    Relationship relationship = Relationship::Other;
    QString createdAt;
    QString updatedAt;
};

// A new UUID in the form the schema uses.
QString newId();
// A time-ordered UUID (version 7 layout), for rows inserted in bulk: see Domain.cpp.
QString newOrderedId();
// Now, as stored: UTC ISO 8601 with milliseconds and 'Z'.
QString nowUtcIso();

} // namespace hh

Q_DECLARE_METATYPE(hh::User)
Q_DECLARE_METATYPE(hh::Profile)
