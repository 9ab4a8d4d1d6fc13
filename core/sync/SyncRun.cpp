#include "core/sync/SyncRun.h"

#include "core/Log.h"
#include "core/sync/FhirClient.h"
#include "core/sync/SessionPipe.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <algorithm>
#include <memory>

namespace hh::sync {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("hh::sync::SyncRun", text);
}

constexpr int kMaxIssuesPerQuery = 8;
// Consecutive queries failing with transport errors after which the server counts as unreachable.
constexpr int kMaxUnreachableQueries = 2;

void addIssue(QueryResult& r, const QString& severity, const QString& code, const QString& text)
{
    if (r.issues.size() >= kMaxIssuesPerQuery)
        return;
    for (const SyncIssue& i : std::as_const(r.issues)) {
        if (i.code == code && i.text == text)
            return;
    }
    r.issues.append(SyncIssue{severity, code, text});
}

void addIssues(QueryResult& r, const QList<SyncIssue>& issues)
{
    for (const SyncIssue& i : issues)
        addIssue(r, i.severity, i.code, i.text);
}

// athena answers a missing required parameter with 403 "...required parameter combinations...".
bool isParameterRefusal(const QList<SyncIssue>& issues)
{
    return std::any_of(issues.cbegin(), issues.cend(), [](const SyncIssue& i) {
        return i.text.contains(QLatin1String("required parameter"), Qt::CaseInsensitive)
            || i.text.contains(QLatin1String("parameter combination"), Qt::CaseInsensitive)
            || i.text.contains(QLatin1String("Unknown parameter"), Qt::CaseInsensitive);
    });
}

QString statusText(int status)
{
    return QStringLiteral("HTTP %1").arg(status);
}
} // namespace

SyncRun::SyncRun(SyncTarget target, SessionPipe& session, FhirClient& client, const SyncEngineOptions& options,
                 const std::atomic<bool>& cancelFlag, ProgressFn progress)
    : m_target(std::move(target))
    , m_session(session)
    , m_client(client)
    , m_options(options)
    , m_cancel(cancelFlag)
    , m_progress(std::move(progress))
    , m_scanner(client.baseUrl())
{
    m_result.profileId = m_target.profileId;
    m_result.profileName = m_target.profileName;
    m_result.connectionId = m_target.connectionId;
    m_result.endpointId = m_target.endpointId;
    m_result.endpointName = m_target.endpointName;
}

bool SyncRun::cancelled() const
{
    return m_cancel.load() || m_client.isCancelled();
}

void SyncRun::setFatal(const Error& error)
{
    if (!m_fatal)
        m_fatal = error;
}

void SyncRun::emitProgress(const QString& currentType)
{
    if (!m_progress)
        return;
    SyncProgress p;
    p.profileId = m_target.profileId;
    p.connectionId = m_target.connectionId;
    p.jobId = m_result.jobId;
    p.typesDone = m_typesDone;
    p.typesTotal = m_typesTotal;
    p.resourcesFetched = m_result.resourcesFetched;
    p.currentType = currentType;
    p.running = true;
    m_progress(p);
}

QJsonObject SyncRun::fetchCapabilityStatement()
{
    Result<FhirResponse> r = m_client.get(m_client.resolve(QStringLiteral("metadata")));
    if (!r || !r->isSuccess() || !r->looksLikeJson())
        return {};
    const QJsonDocument doc = QJsonDocument::fromJson(r->body);
    if (!doc.isObject() || doc.object().value(QLatin1String("resourceType")).toString() != u"CapabilityStatement")
        return {};
    return doc.object();
}

bool SyncRun::store(QList<RawResource> resources)
{
    if (std::optional<Error> e = m_session.error()) {
        setFatal(*e);
        return false;
    }
    if (resources.isEmpty())
        return true;
    m_result.resourcesFetched += resources.size();
    const QStringList refTypes = ReferenceScanner::defaultTypes();
    for (const RawResource& r : std::as_const(resources)) {
        m_result.counts[r.resourceType] += 1;
        if (refTypes.contains(r.resourceType))
            m_fetchedRefTypes.insert(r.resourceType + u'/' + r.resourceId);
        m_scanner.scan(r.json, m_references);
    }
    m_session.storePage(m_result.jobId, m_target, std::move(resources), m_fullPass);
    return true;
}

void SyncRun::scanStored(const QStringList& types)
{
    const QStringList refTypes = ReferenceScanner::defaultTypes();
    for (const QString& type : types) {
        // A searched type that is also read by reference (Encounter): what the interrupted run stored
        // need not be read again one by one.
        if (refTypes.contains(type)) {
            Status st = m_session.forEachStoredId(m_target.connectionId, type, [this, &type](const QString& id) {
                m_fetchedRefTypes.insert(type + u'/' + id);
            });
            if (!st) {
                setFatal(st.error());
                return;
            }
        }
        Status st = m_session.forEachStoredResource(m_target.connectionId, type, [this](const QByteArray& json) {
            m_scanner.scan(json, m_references);
            return !cancelled();
        });
        if (!st) {
            setFatal(st.error());
            return;
        }
    }
}

SyncRun::VariantEnd SyncRun::runVariant(const QueryVariant& variant, QueryResult& r)
{
    const QUrl firstUrl = m_client.resolve(variant.relativeUrl());
    QSet<QString> seenUrls{firstUrl.toString(QUrl::FullyEncoded)};
    QUrl currentUrl = firstUrl;
    auto request = m_client.begin(currentUrl);
    int pages = 0;
    bool retriedMalformed = false;
    bool restartedAfterRefresh = false;

    for (;;) {
        Result<FhirResponse> response = m_client.finish(request);
        if (!response) {
            const Error& e = response.error();
            if (e.code() == ErrorCode::Cancelled) {
                r.kind = QueryResultKind::Cancelled;
                return VariantEnd::Stop;
            }
            r.kind = QueryResultKind::Failed;
            addIssue(r, QStringLiteral("error"),
                     e.code() == ErrorCode::Network ? QStringLiteral("network") : QStringLiteral("protocol"),
                     e.message());
            if (e.code() == ErrorCode::Unauthorized)
                setFatal(e);
            qCInfo(lcSync) << "query" << r.query << "failed:" << e.detail();
            return VariantEnd::Stop;
        }
        const FhirResponse& resp = *response;
        r.httpStatus = resp.status;

        if (!resp.isSuccess()) {
            const QList<SyncIssue> issues = FhirPage::errorIssues(resp.body, resp.looksLikeJson());
            if (pages == 0) {
                if (resp.status == 400 || (resp.status == 403 && isParameterRefusal(issues))) {
                    r.kind = QueryResultKind::Unavailable;
                    r.issues.clear();
                    addIssues(r, issues);
                    if (issues.isEmpty())
                        addIssue(r, QStringLiteral("error"), QStringLiteral("refused"), statusText(resp.status));
                    return VariantEnd::Refused;
                }
                if (resp.status >= 400 && resp.status < 500 && resp.status != 408 && resp.status != 429) {
                    r.kind = QueryResultKind::Unavailable;
                    addIssues(r, issues);
                    if (issues.isEmpty())
                        addIssue(r, QStringLiteral("information"),
                                 resp.status == 403 ? QStringLiteral("forbidden") : QStringLiteral("not-supported"),
                                 statusText(resp.status));
                    return VariantEnd::Stop;
                }
            } else if (resp.tokenRefreshed && !restartedAfterRefresh && resp.status >= 400 && resp.status < 500) {
                // Epic: a next link does not survive a token refresh; run the query again from its start.
                restartedAfterRefresh = true;
                currentUrl = firstUrl;
                seenUrls = {firstUrl.toString(QUrl::FullyEncoded)};
                pages = 0;
                request = m_client.begin(currentUrl);
                continue;
            }
            r.kind = QueryResultKind::Failed;
            addIssues(r, issues);
            addIssue(r, QStringLiteral("error"),
                     resp.status == 429 ? QStringLiteral("throttled")
                                        : (resp.status >= 500 ? QStringLiteral("server") : QStringLiteral("http")),
                     resp.status == 429 ? tr("The health system asked to slow down (%1).").arg(statusText(resp.status))
                                        : tr("The health system answered with an error (%1).").arg(statusText(resp.status)));
            return VariantEnd::Stop;
        }

        Result<FhirPage> parsed = !resp.looksLikeJson()
            ? Result<FhirPage>(Error(ErrorCode::Protocol, tr("The health system sent a page that could not be read."),
                                     QStringLiteral("not JSON: %1").arg(QString::fromLatin1(resp.mediaType))))
            : (variant.isRead() ? FhirPage::fromReadBody(resp.body, variant.resourceType)
                                : FhirPage::fromSearchBody(resp.body));
        if (!parsed) {
            if (!retriedMalformed && !cancelled()) {
                retriedMalformed = true;
                request = m_client.begin(currentUrl);
                continue;
            }
            r.kind = QueryResultKind::Failed;
            addIssue(r, QStringLiteral("error"), QStringLiteral("malformed"), parsed.error().message());
            qCInfo(lcSync) << "query" << r.query << "page" << pages + 1 << "malformed:" << parsed.error().detail();
            return VariantEnd::Stop;
        }
        retriedMalformed = false;
        FhirPage& page = *parsed;
        ++pages;
        r.pages += 1;
        addIssues(r, page.warnings);
        if (page.skipped > 0)
            addIssue(r, QStringLiteral("warning"), QStringLiteral("no-id"),
                     tr("Some entries had no id and were skipped."));

        // Next page: start fetching it before this one is stored.
        std::shared_ptr<FhirClient::Request> next;
        QUrl nextUrl;
        QString stopCode;
        QString stopText;
        if (!variant.isRead() && !page.nextUrl.isEmpty()) {
            nextUrl = m_client.resolve(page.nextUrl);
            const QString key = nextUrl.toString(QUrl::FullyEncoded);
            const bool repeats = seenUrls.contains(key) || nextUrl == currentUrl
                || (!page.selfUrl.isEmpty() && page.nextUrl == page.selfUrl)
                || (!page.previousUrl.isEmpty() && page.nextUrl == page.previousUrl);
            if (repeats) {
                stopCode = QStringLiteral("paging-loop");
                stopText = tr("The health system kept sending the same page; paging was stopped.");
            } else if (pages >= m_options.maxPagesPerQuery) {
                stopCode = QStringLiteral("page-cap");
                stopText = tr("Too many pages; paging was stopped after %1 pages.").arg(pages);
            } else if (!m_client.isOnServer(nextUrl)) {
                stopCode = QStringLiteral("foreign-link");
                stopText = tr("The health system sent a link to another server; paging was stopped.");
            } else {
                seenUrls.insert(key);
                next = m_client.begin(nextUrl);
            }
        }

        const int pageResources = static_cast<int>(page.resources.size());
        if (!store(std::move(page.resources))) {
            r.kind = QueryResultKind::Failed;
            addIssue(r, QStringLiteral("fatal"), QStringLiteral("storage"), m_fatal ? m_fatal->message() : QString());
            return VariantEnd::Stop;
        }
        r.resources += pageResources;
        emitProgress(variant.resourceType);

        if (cancelled()) {
            r.kind = QueryResultKind::Cancelled;
            return VariantEnd::Stop;
        }
        if (!stopCode.isEmpty()) {
            r.kind = QueryResultKind::Failed;
            addIssue(r, QStringLiteral("error"), stopCode, stopText);
            qCInfo(lcSync) << "query" << r.query << "stopped:" << stopCode << "after" << pages << "pages";
            return VariantEnd::Stop;
        }
        if (!next) {
            r.kind = QueryResultKind::Ok;
            return VariantEnd::Done;
        }
        request = std::move(next);
        currentUrl = nextUrl;
    }
}

QueryResult SyncRun::runQuery(const PlannedQuery& query)
{
    QueryResult r;
    r.resourceType = query.resourceType;
    r.query = query.key;
    for (qsizetype i = 0; i < query.variants.size(); ++i) {
        const int pagesBefore = r.pages;
        const VariantEnd end = runVariant(query.variants.at(i), r);
        if (end == VariantEnd::Refused && i + 1 < query.variants.size() && !cancelled()) {
            r.pages = pagesBefore;
            continue;
        }
        break;
    }
    return r;
}

void SyncRun::readReferences(const QStringList& resumedTypes)
{
    if (!resumedTypes.isEmpty())
        scanStored(resumedTypes);
    QHash<QString, QueryResult> byType;
    auto resultFor = [&](const QString& type) -> QueryResult& {
        auto it = byType.find(type);
        if (it == byType.end()) {
            QueryResult r;
            r.resourceType = type;
            r.query = type + QStringLiteral("/references");
            it = byType.insert(type, r);
        }
        return *it;
    };

    int reads = 0;
    int round = 0;
    QSet<QString> attempted;
    bool limitHit = false;
    while (!m_fatal && !cancelled() && round < m_options.maxReferenceRounds) {
        QStringList pending;
        for (const QString& ref : std::as_const(m_references)) {
            if (!m_fetchedRefTypes.contains(ref) && !attempted.contains(ref))
                pending.append(ref);
        }
        if (pending.isEmpty())
            break;
        ++round;
        pending.sort();
        const int chunkSize = std::max(1, m_options.maxReferenceConcurrency);
        for (qsizetype start = 0; start < pending.size() && !m_fatal && !cancelled(); start += chunkSize) {
            struct InFlight {
                QString type;
                QString id;
                std::shared_ptr<FhirClient::Request> request;
            };
            QList<InFlight> flights;
            for (qsizetype i = start; i < std::min(pending.size(), start + chunkSize); ++i) {
                const QString& ref = pending.at(i);
                attempted.insert(ref);
                const qsizetype slash = ref.indexOf(u'/');
                InFlight f{ref.left(slash), ref.mid(slash + 1), nullptr};
                // Binary content does not change under the same id: read it once.
                if (f.type == u"Binary") {
                    Result<bool> have = m_session.hasResource(m_target, f.type, f.id);
                    if (!have) {
                        setFatal(have.error());
                        break;
                    }
                    if (*have)
                        continue;
                }
                if (reads >= m_options.maxReferenceReads) {
                    limitHit = true;
                    break;
                }
                ++reads;
                QueryVariant v;
                v.resourceType = f.type;
                v.readId = f.id;
                f.request = m_client.begin(m_client.resolve(v.relativeUrl()));
                flights.append(f);
            }
            QList<RawResource> batch;
            for (InFlight& f : flights) {
                QueryResult& r = resultFor(f.type);
                Result<FhirResponse> resp = m_client.finish(f.request);
                if (!resp) {
                    if (resp.error().code() == ErrorCode::Cancelled)
                        break;
                    if (resp.error().code() == ErrorCode::Unauthorized)
                        setFatal(resp.error());
                    r.kind = QueryResultKind::Failed;
                    addIssue(r, QStringLiteral("error"), QStringLiteral("network"), resp.error().message());
                    continue;
                }
                r.httpStatus = resp->status;
                if (!resp->isSuccess()) {
                    // 403/404/410 on a referenced read is recorded, never fatal.
                    const bool unavailable = resp->status >= 400 && resp->status < 500 && resp->status != 429;
                    if (!unavailable)
                        r.kind = QueryResultKind::Failed;
                    addIssues(r, FhirPage::errorIssues(resp->body, resp->looksLikeJson()));
                    addIssue(r, unavailable ? QStringLiteral("information") : QStringLiteral("error"),
                             unavailable ? QStringLiteral("unavailable") : QStringLiteral("server"),
                             statusText(resp->status));
                    continue;
                }
                Result<FhirPage> page = resp->looksLikeJson() ? FhirPage::fromReadBody(resp->body, f.type)
                                                              : Result<FhirPage>(Error(ErrorCode::Protocol, {}, {}));
                if (!page || page->resources.isEmpty()) {
                    r.kind = QueryResultKind::Failed;
                    addIssue(r, QStringLiteral("error"), QStringLiteral("malformed"),
                             tr("The health system sent a page that could not be read."));
                    continue;
                }
                r.pages += 1;
                r.resources += static_cast<int>(page->resources.size());
                batch.append(page->resources);
            }
            const bool stored = !batch.isEmpty();
            if (!m_fatal && !store(std::move(batch)))
                break;
            if (stored)
                emitProgress(QStringLiteral("references"));
            if (limitHit)
                break;
        }
        if (limitHit)
            break;
    }
    if (limitHit || (round >= m_options.maxReferenceRounds && !cancelled() && !m_fatal)) {
        // Whatever is still unread stays unread this time; not an error of the health system.
        QueryResult& r = resultFor(QStringLiteral("Practitioner"));
        addIssue(r, QStringLiteral("warning"), QStringLiteral("reference-limit"),
                 tr("Not every referenced record was read (limit reached)."));
    }
    for (auto it = byType.begin(); it != byType.end(); ++it)
        m_result.queries.append(*it);
}

SyncJobResult SyncRun::execute()
{
    Result<QString> job = m_session.beginJob(m_target);
    if (!job) {
        m_result.status = JobStatus::Failed;
        m_result.errorCode = job.error().code();
        m_result.errorMessage = job.error().message();
        return m_result;
    }
    m_result.jobId = *job;
    emitProgress({});

    QString patientId;
    if (Status st = m_client.ensureToken(false); !st) {
        setFatal(st.error());
    } else {
        patientId = m_client.patientId().isEmpty() ? m_target.patientId : m_client.patientId();
        if (patientId.isEmpty())
            setFatal(Error(ErrorCode::Protocol, tr("The health system did not say whose record this is."),
                           QStringLiteral("no patient id")));
    }

    SyncCheckpoint checkpoint;
    QueryPlan plan;
    bool resumed = false;
    QStringList completeTypes;
    QStringList skippedTypes;
    const QDateTime now = QDateTime::currentDateTimeUtc();

    if (!m_fatal) {
        Result<SyncCheckpoint> cp = m_session.loadCheckpoint(m_target.connectionId);
        if (!cp)
            setFatal(cp.error());
        else
            checkpoint = *cp;
    }
    if (!m_fatal && !cancelled()) {
        const QJsonObject capability =
            m_target.vendor == EmrVendor::Other ? fetchCapabilityStatement() : QJsonObject();
        resumed = checkpoint.hasPass() && checkpoint.passStartedAt.isValid()
            && checkpoint.passStartedAt.secsTo(now) < qint64(m_options.resumeMaxAgeHours) * 3600
            && checkpoint.passStartedAt <= now;
        std::optional<QDate> since;
        if (resumed) {
            m_fullPass = checkpoint.passFull;
        } else {
            const bool incremental = m_options.allowIncremental
                && QueryPlan::supportsIncremental(m_target.vendor, capability)
                && checkpoint.lastCompletePassAt.isValid() && checkpoint.lastFullPassAt.isValid()
                && checkpoint.lastFullPassAt.daysTo(now) < m_options.fullPassIntervalDays;
            m_fullPass = !incremental;
            checkpoint.passStartedAt = now;
            checkpoint.passFull = m_fullPass;
            checkpoint.doneQueries.clear();
        }
        if (!m_fullPass && checkpoint.lastCompletePassAt.isValid())
            since = checkpoint.lastCompletePassAt.date().addDays(-std::max(1, m_options.incrementalOverlapDays));
        else
            m_fullPass = true;
        checkpoint.passJobId = m_result.jobId;
        m_session.saveCheckpoint(m_target.connectionId, checkpoint);

        QueryPlanOptions po;
        po.vendor = m_target.vendor;
        po.patientId = patientId;
        po.incrementalSince = m_fullPass ? std::nullopt : since;
        po.capabilityStatement = capability;
        po.pageSize = m_options.pageSize;
        plan = QueryPlan::build(po);
        m_typesTotal = static_cast<int>(plan.types().size()) + 1; // + referenced reads
        m_result.fullPass = m_fullPass;
        m_result.resumed = resumed;
        emitProgress({});
    }

    int networkFailures = 0;
    bool networkDown = false;
    if (!m_fatal) {
        for (const PlannedType& type : plan.types()) {
            if (m_fatal || cancelled() || networkDown)
                break;
            emitProgress(type.resourceType);
            bool anyOk = false;
            bool complete = true;
            bool skipped = false;
            for (const PlannedQuery& q : type.queries) {
                if (m_fatal || cancelled()) {
                    complete = false;
                    break;
                }
                if (resumed && checkpoint.doneQueries.contains(q.key)) {
                    QueryResult r;
                    r.resourceType = q.resourceType;
                    r.query = q.key;
                    r.kind = QueryResultKind::Skipped;
                    m_result.queries.append(r);
                    skipped = true;
                    complete = false;
                    continue;
                }
                QueryResult r = runQuery(q);
                const bool unreachable = r.kind == QueryResultKind::Failed
                    && std::any_of(r.issues.cbegin(), r.issues.cend(),
                                   [](const SyncIssue& i) { return i.code == u"network"; });
                networkFailures = unreachable ? networkFailures + 1 : 0;
                if (r.kind == QueryResultKind::Ok) {
                    anyOk = true;
                    if (!checkpoint.answeredQueries.contains(q.key))
                        checkpoint.answeredQueries.append(q.key);
                } else if (r.kind != QueryResultKind::Unavailable || checkpoint.answeredQueries.contains(q.key)) {
                    // Failed; or refused now after answering on an earlier pass (a narrowed grant, a server
                    // fault): what it returned before may still exist, so nothing of this type is marked missing.
                    complete = false;
                }
                if (r.kind == QueryResultKind::Ok || r.kind == QueryResultKind::Unavailable) {
                    checkpoint.doneQueries.append(q.key);
                    m_session.saveCheckpoint(m_target.connectionId, checkpoint);
                    if (std::optional<Error> e = m_session.error())
                        setFatal(*e);
                }
                m_result.queries.append(r);
                if (networkFailures >= kMaxUnreachableQueries) {
                    // The server is not reachable at all: do not try every remaining query.
                    networkDown = true;
                    complete = false;
                    break;
                }
            }
            if (skipped)
                skippedTypes.append(type.resourceType);
            if (complete && anyOk)
                completeTypes.append(type.resourceType);
            if (!m_fatal && !cancelled()) {
                ++m_typesDone;
                emitProgress(type.resourceType);
            }
        }
    }

    if (!m_fatal && !cancelled() && !networkDown) {
        readReferences(skippedTypes);
        if (!m_fatal && !cancelled()) {
            ++m_typesDone;
            emitProgress({});
        }
    }

    // Every page is written before the verdict.
    if (Status st = m_session.flush(); !st)
        setFatal(st.error());
    m_result.writes = m_session.writeStats();

    // Status.
    bool anyFailed = false;
    bool anyFetched = false;
    QStringList failedTypes;
    for (const QueryResult& r : std::as_const(m_result.queries)) {
        if (r.kind == QueryResultKind::Failed) {
            anyFailed = true;
            if (!failedTypes.contains(r.resourceType))
                failedTypes.append(r.resourceType);
        } else if (r.kind == QueryResultKind::Ok || r.kind == QueryResultKind::Skipped) {
            anyFetched = true;
        }
    }
    if (cancelled() && !m_fatal) {
        m_result.status = JobStatus::Cancelled;
        m_result.errorCode = ErrorCode::Cancelled;
        m_result.errorMessage = tr("The sync was cancelled.");
    } else if (m_fatal) {
        m_result.status = JobStatus::Failed;
        m_result.errorCode = m_fatal->code();
        m_result.errorMessage = m_fatal->code() == ErrorCode::Unauthorized
            ? tr("The health system needs you to sign in again.")
            : m_fatal->message();
    } else if (anyFailed && !anyFetched) {
        m_result.status = JobStatus::Failed;
        m_result.errorCode = ErrorCode::Network;
        QString reason;
        for (const QueryResult& r : std::as_const(m_result.queries)) {
            if (r.kind == QueryResultKind::Failed && !r.issues.isEmpty()) {
                reason = r.issues.constLast().text;
                break;
            }
        }
        m_result.errorMessage = reason.isEmpty() ? tr("No data could be fetched.") : reason;
    } else if (anyFailed) {
        m_result.status = JobStatus::Partial;
        m_result.errorMessage = tr("Some data could not be fetched (%1).").arg(failedTypes.join(QStringLiteral(", ")));
    } else {
        m_result.status = JobStatus::Success;
    }

    // Deletions only after a complete, error-free full pass.
    if (m_result.status == JobStatus::Success && m_fullPass && !completeTypes.isEmpty()) {
        Result<int> marked = m_session.markMissing(m_result.jobId, m_target.connectionId, completeTypes);
        if (!marked) {
            m_result.status = JobStatus::Failed;
            m_result.errorCode = marked.error().code();
            m_result.errorMessage = marked.error().message();
        } else {
            m_result.markedMissing = *marked;
        }
    }

    // Checkpoint: a finished pass is cleared; an interrupted one (failed, cancelled) is kept to resume.
    if (checkpoint.hasPass() && m_result.errorCode != ErrorCode::Database) {
        if (m_result.status == JobStatus::Success) {
            checkpoint.lastCompletePassAt = checkpoint.passStartedAt;
            if (checkpoint.passFull)
                checkpoint.lastFullPassAt = checkpoint.passStartedAt;
        }
        if (m_result.status == JobStatus::Success || m_result.status == JobStatus::Partial) {
            checkpoint.passJobId.clear();
            checkpoint.doneQueries.clear();
        }
        m_session.saveCheckpoint(m_target.connectionId, checkpoint);
        if (Status st = m_session.flush(); !st)
            qCWarning(lcSync) << "checkpoint not saved:" << st.error().detail();
    }

    if (Status st = m_session.finishJob(m_result); !st) {
        qCWarning(lcSync) << "job end not recorded:" << st.error().detail();
        if (m_result.status != JobStatus::Cancelled) {
            m_result.status = JobStatus::Failed;
            m_result.errorCode = st.error().code();
            m_result.errorMessage = st.error().message();
        }
    }
    emitProgress({});
    qCInfo(lcSync) << "job" << m_result.jobId << jobStatusKey(m_result.status) << m_result.resourcesFetched
                   << "resources," << m_result.writes.inserted << "new," << m_result.writes.updated << "changed,"
                   << m_result.markedMissing << "not returned";
    return m_result;
}

} // namespace hh::sync
