#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace hh::sync::fuzz {

struct Seed {
    QString name; // file name
    QByteArray input; // selector byte + body (PageFuzzHarness.h)
};

// The seed corpus of fuzz_fhir_page, made from what the project's demo health systems answer:
// the first two pages of every query the sync plans (QueryPlan) for two demo patients at demo-epic and
// demo-athena (FhirService over SyntheticFamily, each vendor's Bundle, OperationOutcome and paging
// style), the Patient read, reads of the references ReferenceScanner finds, the error replies, and a
// few structural edge cases. Deterministic apart from Epic's random urn:uuid / session ids.
QList<Seed> makePageSeeds();

} // namespace hh::sync::fuzz
