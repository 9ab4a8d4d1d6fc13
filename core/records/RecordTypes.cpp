#include "core/records/RecordTypes.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace hh::records {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(hh::records::RecordTypes)
};

bool flagIsAbnormal(const QString& a)
{
    return !a.isEmpty() && a != u"N" && a != u"NEG" && a != u"ND" && a != u"S";
}
} // namespace

QStringList resourceTypesOf(RecordKind kind)
{
    switch (kind) {
    case RecordKind::Conditions:
        return {u"Condition"_s};
    case RecordKind::Medications:
        return {u"MedicationRequest"_s, u"MedicationStatement"_s};
    case RecordKind::Allergies:
        return {u"AllergyIntolerance"_s};
    case RecordKind::Immunizations:
        return {u"Immunization"_s};
    case RecordKind::Encounters:
        return {u"Encounter"_s};
    case RecordKind::Procedures:
        return {u"Procedure"_s};
    case RecordKind::Documents:
        return {u"DocumentReference"_s};
    case RecordKind::Observations:
        return {u"Observation"_s};
    case RecordKind::Other:
        break;
    }
    return {};
}

RecordKind kindOfResourceType(QStringView type)
{
    if (type == u"Condition")
        return RecordKind::Conditions;
    if (type == u"MedicationRequest" || type == u"MedicationStatement")
        return RecordKind::Medications;
    if (type == u"AllergyIntolerance")
        return RecordKind::Allergies;
    if (type == u"Immunization")
        return RecordKind::Immunizations;
    if (type == u"Encounter")
        return RecordKind::Encounters;
    if (type == u"Procedure")
        return RecordKind::Procedures;
    if (type == u"DocumentReference")
        return RecordKind::Documents;
    if (type == u"Observation")
        return RecordKind::Observations;
    return RecordKind::Other;
}

QString recordKindLabel(RecordKind kind)
{
    switch (kind) {
    case RecordKind::Conditions:
        return Tr::tr("Conditions");
    case RecordKind::Medications:
        return Tr::tr("Medications");
    case RecordKind::Allergies:
        return Tr::tr("Allergies");
    case RecordKind::Immunizations:
        return Tr::tr("Immunizations");
    case RecordKind::Encounters:
        return Tr::tr("Encounters");
    case RecordKind::Procedures:
        return Tr::tr("Procedures");
    case RecordKind::Documents:
        return Tr::tr("Documents");
    case RecordKind::Observations:
        return Tr::tr("Labs & vitals");
    case RecordKind::Other:
        break;
    }
    return Tr::tr("Other records");
}

QString resourceTypeLabel(QStringView type)
{
    if (type == u"Condition")
        return Tr::tr("Condition");
    if (type == u"MedicationRequest")
        return Tr::tr("Medication order");
    if (type == u"MedicationStatement")
        return Tr::tr("Medication");
    if (type == u"AllergyIntolerance")
        return Tr::tr("Allergy");
    if (type == u"Immunization")
        return Tr::tr("Immunization");
    if (type == u"Encounter")
        return Tr::tr("Visit");
    if (type == u"Procedure")
        return Tr::tr("Procedure");
    if (type == u"DocumentReference")
        return Tr::tr("Document");
    if (type == u"Observation")
        return Tr::tr("Lab or vital sign");
    if (type == u"DiagnosticReport")
        return Tr::tr("Report");
    if (type == u"CarePlan")
        return Tr::tr("Care plan");
    if (type == u"CareTeam")
        return Tr::tr("Care team");
    if (type == u"Goal")
        return Tr::tr("Goal");
    if (type == u"Device")
        return Tr::tr("Device");
    if (type == u"Coverage")
        return Tr::tr("Coverage");
    if (type == u"Practitioner")
        return Tr::tr("Clinician");
    if (type == u"Organization")
        return Tr::tr("Organization");
    if (type == u"Location")
        return Tr::tr("Location");
    if (type == u"Patient")
        return Tr::tr("Demographics");
    return type.toString();
}

QString testKindLabel(TestKind kind)
{
    switch (kind) {
    case TestKind::Lab:
        return Tr::tr("Lab result");
    case TestKind::Vital:
        return Tr::tr("Vital sign");
    case TestKind::Other:
        return Tr::tr("Other observation");
    case TestKind::Any:
        break;
    }
    return Tr::tr("Any");
}

bool RecordRow::isAbnormal() const
{
    return flagIsAbnormal(abnormal);
}

bool TestRow::isAbnormal() const
{
    return flagIsAbnormal(abnormal);
}

SummaryStatus summaryStatusFromKey(QStringView key)
{
    if (key == u"syncing")
        return SummaryStatus::Syncing;
    if (key == u"ready")
        return SummaryStatus::Ready;
    if (key == u"error")
        return SummaryStatus::Error;
    return SummaryStatus::Absent;
}

QString summaryStatusKey(SummaryStatus status)
{
    switch (status) {
    case SummaryStatus::Syncing:
        return u"syncing"_s;
    case SummaryStatus::Ready:
        return u"ready"_s;
    case SummaryStatus::Error:
        return u"error"_s;
    case SummaryStatus::Absent:
        break;
    }
    return u"absent"_s;
}

void registerRecordsMetaTypes()
{
    qRegisterMetaType<RecordRow>();
    qRegisterMetaType<TestRow>();
    qRegisterMetaType<SearchHit>();
    qRegisterMetaType<ProfileOverview>();
}

} // namespace hh::records
