#pragma once

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace hh::sync {

// Finds the resources a stored resource points to, for the reads queued after the main pass
// (FHIR-SMART-NOTES.md section 8 "References"). Searches the stored JSON text without whitespace (no
// second parse unless the text has escapes): every "reference" value, and attachment "url" values naming
// a Binary.
//  - relative "Type/id" (and "Type/id/_history/n") is kept as "Type/id";
//  - absolute URLs on the same FHIR base become relative; other servers are ignored (they never get
//    the token); "#contained" and "urn:uuid:" references are ignored (they resolve inside the
//    resource or the Bundle);
//  - only the wanted types are kept (default: Practitioner, Organization, Location, Medication,
//    Binary, and Encounter: athena's Encounter search does not return every encounter other records
//    point to).
// Cheap; any thread.
class ReferenceScanner
{
public:
    explicit ReferenceScanner(const QUrl& fhirBase, QStringList wantedTypes = defaultTypes());

    [[nodiscard]] static QStringList defaultTypes();
    // Adds "Type/id" strings to out.
    void scan(const QByteArray& json, QSet<QString>& out) const;
    // The "Type/id" of one reference value, or empty when it is not wanted.
    [[nodiscard]] QString normalize(const QString& reference) const;

private:
    // The byte search, on text whose keys and slashes are not escaped.
    void scanCompact(const QByteArray& json, QSet<QString>& out) const;

    QString m_base;       // base URL without trailing slash
    QStringList m_types;
};

} // namespace hh::sync
