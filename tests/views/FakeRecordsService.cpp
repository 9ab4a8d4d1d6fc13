#include "views/FakeRecordsService.h"

#include "core/records/FhirBundleWriter.h"
#include "core/records/FhirResourceExporter.h"

#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hh::test {

using namespace hh::records;

namespace {
Error notFound()
{
    return Error(ErrorCode::NotFound, u"not found"_s, u"fake: not found"_s);
}

QStringList activeOf(RecordKind kind)
{
    switch (kind) {
    case RecordKind::Conditions:
        return {u"active"_s, u"recurrence"_s, u"relapse"_s, QString()};
    case RecordKind::Medications:
        return {u"active"_s, u"on-hold"_s, u"intended"_s};
    case RecordKind::Allergies:
    case RecordKind::Immunizations:
    case RecordKind::Documents:
        return {u"active"_s, u"completed"_s, u"current"_s, QString()};
    default:
        return {u"planned"_s, u"in-progress"_s, u"final"_s, QString()};
    }
}
} // namespace

FakeRecordsService::FakeRecordsService(QObject* parent) : IRecordsService(parent) {}

FakeRecordsService::~FakeRecordsService() = default;

RecordRow& FakeRecordsService::addRow(const QString& profileId, RecordRow row)
{
    if (row.id.isEmpty())
        row.id = newId();
    row.profileId = profileId;
    if (row.dedupKey.isEmpty())
        row.dedupKey = u"key|"_s + row.id;
    if (row.sourceCount == 0)
        row.sourceCount = static_cast<int>(std::max<qsizetype>(1, row.sourceNames.size()));
    QList<RecordRow>& list = rows[profileId];
    list.append(row);
    return list.last();
}

QFuture<Result<QList<ProfileOverview>>> FakeRecordsService::overviews()
{
    ++overviewCalls;
    if (auto e = takeInjectedError())
        return deliver(Result<QList<ProfileOverview>>(*e));
    return deliver(Result<QList<ProfileOverview>>(overviewsById.values()));
}

QFuture<Result<ProfileOverview>> FakeRecordsService::overview(const QString& profileId)
{
    ++overviewCalls;
    if (auto e = takeInjectedError())
        return deliver(Result<ProfileOverview>(*e));
    if (!overviewsById.contains(profileId)) {
        ProfileOverview o;
        o.profileId = profileId;
        return deliver(Result<ProfileOverview>(o));
    }
    return deliver(Result<ProfileOverview>(overviewsById.value(profileId)));
}

QFuture<Result<ProfileSummary>> FakeRecordsService::summary(const QString& profileId)
{
    ++summaryCalls;
    if (auto e = takeInjectedError())
        return deliver(Result<ProfileSummary>(*e));
    ProfileSummary s = summaries.value(profileId);
    s.profileId = profileId;
    return deliver(Result<ProfileSummary>(s));
}

QFuture<Result<RecordPage>> FakeRecordsService::records(const RecordQuery& query)
{
    recordQueries.append(query);
    if (auto e = takeInjectedError())
        return deliver(Result<RecordPage>(*e));
    const QStringList types = resourceTypesOf(query.kind);
    QList<RecordRow> matching;
    const QStringList active = activeOf(query.kind);
    for (const RecordRow& r : rows.value(query.profileId)) {
        if (!types.contains(r.resourceType))
            continue;
        if (query.status == StatusFilter::Active && !active.contains(r.status))
            continue;
        if (query.status == StatusFilter::Inactive && active.contains(r.status))
            continue;
        if (!query.text.isEmpty() && !r.display.contains(query.text, Qt::CaseInsensitive)
            && !r.code.startsWith(query.text))
            continue;
        if (!query.code.isEmpty() && (r.code != query.code || r.codeSystem != query.codeSystem))
            continue;
        matching.append(r);
    }
    std::stable_sort(matching.begin(), matching.end(), [&query](const RecordRow& a, const RecordRow& b) {
        bool less = false;
        switch (query.sort) {
        case RecordSort::Name:
            less = QString::compare(a.display, b.display, Qt::CaseInsensitive) < 0;
            if (QString::compare(a.display, b.display, Qt::CaseInsensitive) == 0)
                return false;
            break;
        case RecordSort::Status:
            if (a.status == b.status)
                return false;
            less = a.status < b.status;
            break;
        default:
            if (a.effectiveAt == b.effectiveAt)
                return false;
            less = a.effectiveAt < b.effectiveAt;
            break;
        }
        return query.descending ? !less : less;
    });
    RecordPage page;
    page.offset = query.offset;
    page.totalCount = static_cast<int>(matching.size());
    page.rows = matching.mid(query.offset, query.limit);
    maxRowReached = std::max(maxRowReached, query.offset + static_cast<int>(page.rows.size()));
    return deliver(Result<RecordPage>(page));
}

QFuture<Result<TestPage>> FakeRecordsService::tests(const TestQuery& query)
{
    testQueries.append(query);
    if (auto e = takeInjectedError())
        return deliver(Result<TestPage>(*e));
    QList<TestRow> matching;
    for (const TestRow& t : testRows.value(query.profileId)) {
        if (query.kind != TestKind::Any && t.kind != query.kind)
            continue;
        if (query.abnormalOnly && !t.isAbnormal())
            continue;
        if (!query.text.isEmpty() && !t.display.contains(query.text, Qt::CaseInsensitive))
            continue;
        matching.append(t);
    }
    std::stable_sort(matching.begin(), matching.end(), [&query](const TestRow& a, const TestRow& b) {
        const bool less = query.sort == TestSort::Name ? a.display < b.display : a.latestAt < b.latestAt;
        return query.descending ? !less && a.display != b.display : less;
    });
    TestPage page;
    page.offset = query.offset;
    page.totalCount = static_cast<int>(matching.size());
    page.rows = matching.mid(query.offset, query.limit);
    return deliver(Result<TestPage>(page));
}

QFuture<Result<TestHistory>> FakeRecordsService::testHistory(const QString&, const QString&, const QString& code,
                                                             const QString& display, int)
{
    ++historyCalls;
    const QString key = code.isEmpty() ? display : code;
    if (!histories.contains(key))
        return deliver(Result<TestHistory>(notFound()));
    return deliver(Result<TestHistory>(histories.value(key)));
}

Result<RecordDetail> FakeRecordsService::detailOf(const QString& profileId, const QString& recordId) const
{
    if (details.contains(recordId))
        return details.value(recordId);
    for (const RecordRow& r : rows.value(profileId)) {
        if (r.id != recordId)
            continue;
        RecordDetail d;
        d.row = r;
        RecordSource s;
        s.endpointName = r.sourceNames.isEmpty() ? u"Riverside Health"_s : r.sourceNames.first();
        s.provider = u"epic"_s;
        s.resourceId = u"src-"_s + r.id.left(8);
        s.available = true;
        s.rawJson = QByteArray("{\"resourceType\":\"") + r.resourceType.toUtf8() + "\",\"id\":\"" +
                    s.resourceId.toUtf8() + "\"}";
        d.sources.append(s);
        return d;
    }
    return notFound();
}

QFuture<Result<RecordDetail>> FakeRecordsService::record(const QString& profileId, const QString& recordId)
{
    ++detailCalls;
    return deliver(detailOf(profileId, recordId));
}

QFuture<Result<RecordDetail>> FakeRecordsService::recordByKey(const QString& profileId, const QString& resourceType,
                                                              const QString& dedupKey)
{
    ++detailCalls;
    for (const RecordRow& r : rows.value(profileId))
        if (r.resourceType == resourceType && r.dedupKey == dedupKey)
            return deliver(detailOf(profileId, r.id));
    return deliver(Result<RecordDetail>(notFound()));
}

QFuture<Result<QList<SearchHit>>> FakeRecordsService::search(const SearchQuery& query)
{
    searchQueries.append(query);
    QList<SearchHit> hits;
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        if (!query.profileId.isEmpty() && it.key() != query.profileId)
            continue;
        for (const RecordRow& r : it.value()) {
            if (!r.display.contains(query.text, Qt::CaseInsensitive) && !r.code.startsWith(query.text))
                continue;
            SearchHit h;
            h.profileId = it.key();
            h.profileName = profiles.value(it.key()).displayName;
            h.recordId = r.id;
            h.resourceType = r.resourceType;
            h.kind = kindOfResourceType(r.resourceType);
            h.display = r.display;
            h.codeSystem = r.codeSystem;
            h.code = r.code;
            h.effectiveAt = r.effectiveAt;
            hits.append(h);
        }
    }
    return deliver(Result<QList<SearchHit>>(hits));
}

QFuture<Result<DocumentContent>> FakeRecordsService::document(const QString&, const QString& recordId, int)
{
    ++documentCalls;
    if (!documents.contains(recordId))
        return deliver(Result<DocumentContent>(
            Error(ErrorCode::NotFound, u"The content of this document was not downloaded."_s, u"fake"_s)));
    return deliver(Result<DocumentContent>(documents.value(recordId)));
}

QFuture<Result<QList<SourceConnection>>> FakeRecordsService::connections(const QString& profileId)
{
    return deliver(Result<QList<SourceConnection>>(connectionLists.value(profileId)));
}

QFuture<Result<QList<SyncJobInfo>>> FakeRecordsService::syncJobs(const QString& profileId, int)
{
    return deliver(Result<QList<SyncJobInfo>>(jobLists.value(profileId)));
}

QFuture<Result<VisitSummaryData>> FakeRecordsService::visitSummary(const QString& profileId)
{
    if (auto e = takeInjectedError())
        return deliver(Result<VisitSummaryData>(*e));
    if (!profiles.contains(profileId))
        return deliver(Result<VisitSummaryData>(notFound()));
    VisitSummaryData d;
    d.profile = profiles.value(profileId);
    d.summary = summaries.value(profileId);
    d.summary.profileId = profileId;
    d.connections = connectionLists.value(profileId);
    d.dataAsOf = d.summary.updatedAt;
    for (const TestHistory& h : std::as_const(histories))
        d.trends.append(h);
    return deliver(Result<VisitSummaryData>(d));
}

QFuture<Result<ExportResult>> FakeRecordsService::exportFhir(const QString& profileId, FhirExportKind kind,
                                                             const QString& filePath)
{
    ++exportCalls;
    if (!profiles.contains(profileId))
        return deliver(Result<ExportResult>(notFound()));
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly))
        return deliver(Result<ExportResult>(Error(ErrorCode::Io, u"Cannot write"_s, file.errorString())));
    FhirBundleWriter writer(&file,
                            kind == FhirExportKind::PatientSummary ? FhirBundleWriter::Type::Document
                                                                   : FhirBundleWriter::Type::Collection,
                            newId(), QDateTime::currentDateTimeUtc());
    ReferenceIndex refs;
    refs.setPatient(FhirResourceExporter::exportId(profileId));
    (void)writer.begin();
    (void)writer.add(FhirResourceExporter::patient(profiles.value(profileId), nullptr, refs));
    (void)writer.finish();
    file.commit();
    ExportResult r;
    r.path = QFileInfo(filePath).absoluteFilePath();
    r.entryCount = writer.entryCount();
    r.bytes = writer.bytesWritten();
    return deliver(Result<ExportResult>(r));
}

void FakeSyncControl::progress(const QString& profileId, const QString& connectionId, bool running)
{
    sync::SyncProgress p;
    p.profileId = profileId;
    p.connectionId = connectionId;
    p.running = running;
    bool found = false;
    for (sync::SyncProgress& a : active)
        if (a.connectionId == connectionId) {
            a = p;
            found = true;
        }
    if (!found)
        active.append(p);
    Q_EMIT connectionProgress(p);
}

void FakeSyncControl::finish(const QString& profileId, const QString& connectionId, sync::JobStatus status)
{
    active.erase(std::remove_if(active.begin(), active.end(),
                                [&](const sync::SyncProgress& p) { return p.connectionId == connectionId; }),
                 active.end());
    sync::SyncJobResult r;
    r.profileId = profileId;
    r.connectionId = connectionId;
    r.status = status;
    Q_EMIT connectionFinished(r);
    if (status == sync::JobStatus::Success || status == sync::JobStatus::Partial)
        Q_EMIT profileSynced(profileId);
}

} // namespace hh::test
