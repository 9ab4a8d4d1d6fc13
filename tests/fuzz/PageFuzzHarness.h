#pragma once

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace hh::sync::fuzz {

// The sync's page reader fed with arbitrary bytes, the way SyncRun uses it on one HTTP answer:
// FhirResponse::looksLikeJson, then FhirPage::fromSearchBody / fromReadBody / errorIssues, then
// ReferenceScanner over every resource to store and FhirClient::resolve/isOnServer on the `next`
// link and on every reference to read.
//
// Input: one selector byte, then the body.
//   bits 0-1  what the body answers: 0, 1 a search; 2 a read (of `Patient`, or of any type when
//             bit 7 is set); 3 an error reply (OperationOutcome issues)
//   bits 2-3  Content-Type: application/fhir+json, application/json+fhir, none, text/html
//   bits 4-6  the FHIR base the answer came from (kBases)
// Invariants (for any input): no crash/UB; a failure is a Protocol error with a message and a short
// developer detail; every stored resource has a type and an id, is not an OperationOutcome, and its
// compact JSON parses back to the same type and id with hash = SHA-256 hex of the JSON; at most 8
// distinct warnings; a reference or `next` link the client would follow stays on the FHIR server
// (same scheme, host, port, and below the base path even after removing dot segments).
// Returns an empty string when they hold, else what broke. Shared by the libFuzzer target
// (FuzzFhirPage.cpp) and the regression test (TestPageFuzzRegressions.cpp).
QString runPageReader(const uint8_t* data, size_t size);

// Builds an input in the format above.
QByteArray pageInput(int mode, int mediaType, int base, const QByteArray& body, bool anyReadType = false);

// The FHIR bases the selector chooses from: index 0 and 1 are the demo servers' bases as the seed
// maker (MakePageSeeds.cpp) writes them, then real-world shapes.
inline constexpr const char* kBases[] = {
    "http://127.0.0.1:8080/demo-epic/api/FHIR/R4",
    "http://127.0.0.1:8080/demo-athena/fhir/r4",
    "https://fhir.epic.com/interconnect-fhir-oauth/api/FHIR/R4/",
    "https://api.preview.platform.athenahealth.com/fhir/r4",
    "https://fhir.example.org",
    "https://fhir.example.org:8443/r4",
    "http://[::1]:9000/fhir",
    "https://FHIR.Example.org/R4",
};

} // namespace hh::sync::fuzz
