#pragma once

// Internal to hh_demo: SMART scope strings (v1 "patient/Observation.read" and v2 "patient/Observation.rs").

#include "core/demo/SyntheticFamily.h"

#include <QString>
#include <QStringList>

namespace hh::demo::scopes {

// Whitespace-separated list, duplicates removed, order kept.
QStringList parse(const QString& scope);

// What the demo servers grant for a request: every well-formed scope they understand (openid, fhirUser,
// profile, launch, launch/patient, offline_access, online_access, patient/<Type|*>.<read|write|*|cruds>,
// user/... likewise); everything else is dropped.
QStringList grant(const QStringList& requested);

// The `scope` of a token reply: Epic answers in v1 syntax (".rs" -> ".read"), athena echoes.
QString reply(Vendor vendor, const QStringList& granted);

// Does the grant allow reading ('r') or searching ('s') resources of `type`?
bool allows(const QStringList& granted, const QString& type, QChar permission);

bool has(const QStringList& granted, const QString& scope);

} // namespace hh::demo::scopes
