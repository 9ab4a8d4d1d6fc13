#pragma once

// Internal to hh_demo: discovery documents of the demo endpoints, shaped like the vendors' own
// (fhir-corpus/smart-config): `.well-known/smart-configuration` and the CapabilityStatement (`metadata`).

#include "core/demo/DemoHttp.h"
#include "core/demo/EndpointConfig.h"

#include <QJsonObject>

namespace hh::demo::discovery {

QJsonObject smartConfiguration(const EndpointConfig& endpoint);

// CapabilityStatement. Epic: JSON only when asked for (Accept or _format), XML otherwise; the `register`
// URI is listed only when the request carries an Epic-Client-ID header, as Epic does.
DemoResponse metadata(const EndpointConfig& endpoint, const DemoRequest& request);

// The resource types each flavour knows (CapabilityStatement rest.resource).
QStringList capabilityTypes(Vendor vendor);

} // namespace hh::demo::discovery
