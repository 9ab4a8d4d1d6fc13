#include "core/demo/DemoDiscovery.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace hh::demo::discovery {

namespace {

const QString kOauthUris = u"http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris"_s;

QJsonArray strings(const QStringList& list)
{
    QJsonArray a;
    for (const QString& s : list)
        a.append(s);
    return a;
}

QJsonObject uriExtension(const QString& url, const QList<QPair<QString, QString>>& uris)
{
    QJsonArray ext;
    for (const auto& [name, value] : uris)
        ext.append(QJsonObject{{u"url"_s, name}, {u"valueUri"_s, value}});
    return QJsonObject{{u"url"_s, url}, {u"extension"_s, ext}};
}

QString xmlEscape(const QString& s)
{
    return s.toHtmlEscaped();
}

} // namespace

QStringList capabilityTypes(Vendor vendor)
{
    if (vendor == Vendor::Epic)
        return {u"Account"_s,
                u"AllergyIntolerance"_s,
                u"Appointment"_s,
                u"Binary"_s,
                u"CarePlan"_s,
                u"CareTeam"_s,
                u"Condition"_s,
                u"Consent"_s,
                u"Coverage"_s,
                u"Device"_s,
                u"DiagnosticReport"_s,
                u"DocumentReference"_s,
                u"Encounter"_s,
                u"FamilyMemberHistory"_s,
                u"Goal"_s,
                u"Immunization"_s,
                u"Location"_s,
                u"Medication"_s,
                u"MedicationDispense"_s,
                u"MedicationRequest"_s,
                u"NutritionOrder"_s,
                u"Observation"_s,
                u"Organization"_s,
                u"Patient"_s,
                u"Practitioner"_s,
                u"PractitionerRole"_s,
                u"Procedure"_s,
                u"Questionnaire"_s,
                u"QuestionnaireResponse"_s,
                u"RelatedPerson"_s,
                u"ServiceRequest"_s,
                u"Specimen"_s};
    return {u"AllergyIntolerance"_s,
            u"Binary"_s,
            u"CarePlan"_s,
            u"CareTeam"_s,
            u"Condition"_s,
            u"Coverage"_s,
            u"Device"_s,
            u"DiagnosticReport"_s,
            u"DocumentReference"_s,
            u"Encounter"_s,
            u"Goal"_s,
            u"Immunization"_s,
            u"Location"_s,
            u"Medication"_s,
            u"MedicationRequest"_s,
            u"Observation"_s,
            u"Organization"_s,
            u"Patient"_s,
            u"Practitioner"_s,
            u"Procedure"_s,
            u"Provenance"_s,
            u"ServiceRequest"_s,
            u"FamilyMemberHistory"_s,
            u"RelatedPerson"_s};
}

QJsonObject smartConfiguration(const EndpointConfig& ep)
{
    QJsonObject o;
    o[u"issuer"_s] = ep.issuer();
    o[u"jwks_uri"_s] = ep.oauthUrl(u"jwks"_s);
    o[u"authorization_endpoint"_s] = ep.oauthUrl(u"authorize"_s);
    o[u"token_endpoint"_s] = ep.oauthUrl(u"token"_s);
    o[u"revocation_endpoint"_s] = ep.oauthUrl(u"revoke"_s);
    o[u"introspection_endpoint"_s] = ep.oauthUrl(u"introspect"_s);
    o[u"code_challenge_methods_supported"_s] = QJsonArray{u"S256"_s};
    o[u"response_types_supported"_s] = QJsonArray{u"code"_s};
    if (ep.vendor == Vendor::Epic) {
        o[u"token_endpoint_auth_methods_supported"_s] = strings({u"none"_s, u"private_key_jwt"_s});
        o[u"scopes_supported"_s] = strings(
            {u"fhirUser"_s, u"launch"_s, u"launch/patient"_s, u"openid"_s, u"profile"_s, u"offline_access"_s});
        o[u"capabilities"_s] =
            strings({u"launch-standalone"_s, u"client-public"_s, u"client-confidential-asymmetric"_s,
                     u"context-standalone-patient"_s, u"permission-offline"_s, u"permission-patient"_s,
                     u"permission-v1"_s, u"permission-v2"_s, u"sso-openid-connect"_s, u"authorize-post"_s});
        o[u"grant_types_supported"_s] = strings(
            {u"authorization_code"_s, u"refresh_token"_s, u"urn:ietf:params:oauth:grant-type:jwt-bearer"_s});
    } else {
        const QStringList methods{u"none"_s, u"private_key_jwt"_s};
        o[u"token_endpoint_auth_methods_supported"_s] = strings(methods);
        o[u"token_endpoint_auth_methods"_s] = strings(methods); // athena sends both spellings
        o[u"scopes_supported"_s] = strings({u"openid"_s, u"fhirUser"_s, u"profile"_s, u"launch/patient"_s,
                                            u"offline_access"_s, u"patient/*.read"_s});
        o[u"capabilities"_s] =
            strings({u"launch-standalone"_s, u"client-public"_s, u"sso-openid-connect"_s, u"authorize-post"_s,
                     u"context-standalone-patient"_s, u"permission-offline"_s, u"permission-patient"_s,
                     u"permission-v1"_s, u"permission-v2"_s});
        o[u"grant_types_supported"_s] = strings({u"authorization_code"_s, u"refresh_token"_s});
    }
    return o;
}

DemoResponse metadata(const EndpointConfig& ep, const DemoRequest& request)
{
    const bool epic = ep.vendor == Vendor::Epic;
    QList<QPair<QString, QString>> uris{{u"authorize"_s, ep.oauthUrl(u"authorize"_s)},
                                        {u"token"_s, ep.oauthUrl(u"token"_s)}};
    if (epic && !request.header("epic-client-id").isEmpty())
        uris.append({u"register"_s, ep.oauthUrl(u"register"_s)});
    uris.append({u"introspect"_s, ep.oauthUrl(u"introspect"_s)});
    uris.append({u"revoke"_s, ep.oauthUrl(u"revoke"_s)});

    QJsonArray extensions;
    if (!epic) // athena also lists the URIs under a bogus DSTU2 URL
        extensions.append(
            uriExtension(u"http://DSTU2/fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris"_s, uris));
    extensions.append(uriExtension(kOauthUris, uris));
    QJsonArray services{QJsonObject{
        {u"coding"_s,
         QJsonArray{QJsonObject{{u"system"_s, u"http://terminology.hl7.org/CodeSystem/restful-security-service"_s},
                                {u"code"_s, u"SMART-on-FHIR"_s}}}},
        {u"text"_s, u"OAuth2 using SMART-on-FHIR profile"_s}}};
    QJsonArray resources;
    for (const QString& type : capabilityTypes(ep.vendor))
        resources.append(QJsonObject{{u"type"_s, type},
                                     {u"interaction"_s, QJsonArray{QJsonObject{{u"code"_s, u"read"_s}},
                                                                   QJsonObject{{u"code"_s, u"search-type"_s}}}}});
    QJsonObject cs{{u"resourceType"_s, u"CapabilityStatement"_s},
                   {u"status"_s, u"active"_s},
                   {u"date"_s, u"2025-10-15"_s},
                   {u"kind"_s, u"instance"_s},
                   {u"fhirVersion"_s, u"4.0.1"_s},
                   {u"format"_s, QJsonArray{u"json"_s, u"xml"_s}},
                   {u"software"_s, QJsonObject{{u"name"_s, epic ? u"Health Hub demo (Epic flavour)"_s
                                                                : u"Health Hub demo (athenahealth flavour)"_s}}},
                   {u"implementation"_s, QJsonObject{{u"description"_s, ep.name}, {u"url"_s, ep.fhirBase()}}},
                   {u"instantiates"_s,
                    QJsonArray{epic ? u"http://hl7.org/fhir/us/core/CapabilityStatement/us-core-server|6.1.0"_s
                                    : u"http://hl7.org/fhir/us/core/CapabilityStatement/us-core-server|3.1.1"_s}},
                   {u"rest"_s, QJsonArray{QJsonObject{{u"mode"_s, u"server"_s},
                                                      {u"security"_s, QJsonObject{{u"extension"_s, extensions},
                                                                                  {u"cors"_s, true},
                                                                                  {u"service"_s, services}}},
                                                      {u"resource"_s, resources}}}}};

    const QByteArray accept = request.header("accept").toLower();
    const QString format = queryValue(request.query(), u"_format"_s).toLower();
    const bool wantsJson = accept.contains("json") || format.contains(u"json");
    if (epic && !wantsJson) {
        // Epic answers /metadata in XML unless JSON is asked for.
        QString xml =
            u"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<CapabilityStatement xmlns=\"http://hl7.org/fhir\">"
            u"<status value=\"active\"/><date value=\"2025-10-15\"/><kind value=\"instance\"/>"
            u"<fhirVersion value=\"4.0.1\"/><format value=\"json\"/><format value=\"xml\"/>"
            u"<rest><mode value=\"server\"/><security><extension url=\"%1\">"_s.arg(kOauthUris);
        for (const auto& [name, value] : uris)
            xml += u"<extension url=\"%1\"><valueUri value=\"%2\"/></extension>"_s.arg(name, xmlEscape(value));
        xml += u"</extension><cors value=\"true\"/></security>"_s;
        for (const QString& type : capabilityTypes(ep.vendor))
            xml += u"<resource><type value=\"%1\"/></resource>"_s.arg(type);
        xml += u"</rest></CapabilityStatement>\n"_s;
        return DemoResponse::bytes(200, xml.toUtf8(), "application/xml+fhir; charset=utf-8");
    }
    return DemoResponse::json(200, cs,
                              epic ? QByteArrayLiteral("application/json+fhir; charset=utf-8")
                                   : QByteArrayLiteral("application/fhir+json; charset=utf-8"));
}

} // namespace hh::demo::discovery
