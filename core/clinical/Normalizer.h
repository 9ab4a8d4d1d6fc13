#pragma once

#include "core/clinical/NormalizeContext.h"
#include "core/clinical/NormalizedRecord.h"

#include <QJsonObject>
#include <QStringList>

namespace hh::clinical {

// raw FHIR resource -> NormalizedRecord (issue 6, FHIR-SMART-NOTES.md §6-§8).
//
// Contract: pure and reentrant (call it from any thread, concurrently); never throws, never
// crashes, on any input — it is fuzzed. A resource of an unsupported type, or that is not a
// FHIR resource at all, gives a record with `error` set (and whatever could be read). Resources
// that are merely incomplete (no code, no date) are normalized with `warnings`.
// Nothing is logged: records hold PHI.
class Normalizer
{
public:
    static NormalizedRecord normalize(const QJsonObject& resource, const NormalizeContext& context);

    // Types normalize() understands (the ones the sync fetches plus MedicationStatement/
    // MedicationAdministration/MedicationDispense from Synthea and the HL7 examples).
    static const QStringList& supportedTypes();
    static bool isSupported(const QString& resourceType);
};

// Free-function spelling used by the storage layer and the tests.
inline NormalizedRecord normalize(const QJsonObject& resource, const NormalizeContext& context)
{
    return Normalizer::normalize(resource, context);
}

} // namespace hh::clinical
