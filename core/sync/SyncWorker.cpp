#include "core/sync/SyncWorker.h"

#include "core/Log.h"
#include "core/sync/FhirClient.h"
#include "core/sync/ISyncStore.h"
#include "core/sync/SessionPipe.h"
#include "core/sync/SyncRun.h"
#include "core/sync/TokenProvider.h"

#include <QNetworkAccessManager>
#include <QUrl>

namespace hh::sync {

SyncWorker::SyncWorker(SyncTarget target, std::shared_ptr<ISyncStore> store, std::shared_ptr<ITokenProvider> tokens,
                       SyncEngineOptions options, QObject* parent)
    : QObject(parent)
    , m_target(std::move(target))
    , m_store(std::move(store))
    , m_tokens(std::move(tokens))
    , m_options(std::move(options))
{
    std::lock_guard lock(m_handle->m_mutex);
    m_handle->m_worker = this;
}

SyncWorker::~SyncWorker()
{
    std::lock_guard lock(m_handle->m_mutex);
    m_handle->m_worker = nullptr;
}

bool SyncCancelHandle::cancel()
{
    // The worker cannot be destroyed while the mutex is held; an interrupt it had no time to receive is
    // dropped with it (Qt removes the posted events of a deleted object).
    std::lock_guard lock(m_mutex);
    if (!m_worker)
        return false;
    m_worker->cancel();
    return true;
}

void SyncWorker::cancel()
{
    m_cancel.store(true);
    QMetaObject::invokeMethod(this, &SyncWorker::interruptNetwork, Qt::QueuedConnection);
}

void SyncWorker::interruptNetwork()
{
    if (m_client)
        m_client->interrupt();
}

void SyncWorker::run()
{
    SyncJobResult result = SyncJobResult::about(m_target);
    {
        // The vault is written on the pipe's own thread (with its own connection) while this thread
        // fetches and parses the next pages.
        SessionPipe pipe(m_store);
        const QUrl base = m_options.resolveBaseUrl ? m_options.resolveBaseUrl(m_target.fhirBaseUrl)
                                                   : QUrl(m_target.fhirBaseUrl);
        if (Status st = pipe.open(); !st) {
            result.status = JobStatus::Failed;
            result.errorCode = st.error().code();
            result.errorMessage = st.error().message();
            qCWarning(lcSync) << "no database session:" << st.error().detail();
        } else if (!base.isValid() || base.isRelative()) {
            result.status = JobStatus::Failed;
            result.errorCode = ErrorCode::Network;
            result.errorMessage = tr("The health system's address is not available right now.");
            qCWarning(lcSync) << "no usable FHIR base for connection" << m_target.connectionId;
        } else {
            QNetworkAccessManager nam;
            nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
            FhirClient client(&nam, m_tokens.get(), m_target.connectionId, base, m_options.http, &m_cancel);
            m_client = &client;
            SyncRun run(m_target, pipe, client, m_options, m_cancel,
                        [this](const SyncProgress& p) { Q_EMIT progressChanged(p); });
            result = run.execute();
            m_client = nullptr;
        }
    }
    Q_EMIT finished(result);
}

} // namespace hh::sync
