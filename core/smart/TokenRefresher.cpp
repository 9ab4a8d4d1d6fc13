#include "core/smart/TokenRefresher.h"

#include "core/smart/HttpCall.h"

#include <QMutexLocker>

using namespace Qt::StringLiterals;

namespace hh::smart {

bool TokenRefresher::needsRefresh(const QDateTime& expiresAt, const QDateTime& nowUtc)
{
    if (!expiresAt.isValid())
        return true;
    return nowUtc.toUTC().addSecs(kRefreshMarginSeconds) >= expiresAt.toUTC();
}

TokenRefresher::TokenRefresher() : m_state(std::make_shared<State>()) {}

TokenRefresher::~TokenRefresher() = default;

bool TokenRefresher::isRefreshing(const QString& connectionId) const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->inFlight.contains(connectionId);
}

void TokenRefresher::State::finished(const QString& connectionId, quint64 gen)
{
    QMutexLocker lock(&mutex);
    auto it = inFlight.find(connectionId);
    if (it != inFlight.end() && it->generation == gen)
        inFlight.erase(it);
}

QFuture<Result<TokenResponse>> TokenRefresher::refresh(const QString& connectionId, const StartFunction& start)
{
    auto promise = makePromise<TokenResponse>();
    quint64 generation = 0;
    const std::shared_ptr<State> state = m_state;
    {
        QMutexLocker lock(&state->mutex);
        const auto it = state->inFlight.constFind(connectionId);
        if (it != state->inFlight.constEnd())
            return it->future;
        generation = ++state->generation;
        state->inFlight.insert(connectionId, InFlight{promise->future(), generation});
    }
    // Outside the lock: start() may call back into this object.
    if (!start) {
        state->finished(connectionId, generation);
        promise->finish(
            Error(ErrorCode::Unauthorized,
                  QCoreApplication::translate("hh::smart", "This connection needs you to sign in again."),
                  u"no way to renew the token"_s));
        return promise->future();
    }
    // A default-constructed (cancelled) future ends in onCanceled below.
    start()
        .then([state, connectionId, generation, promise](const Result<TokenResponse>& result) {
            state->finished(connectionId, generation);
            promise->finish(result);
        })
        .onCanceled([state, connectionId, generation, promise] {
            state->finished(connectionId, generation);
            promise->finish(Error(ErrorCode::Cancelled,
                                  QCoreApplication::translate("hh::smart", "The request was cancelled."),
                                  u"token renewal cancelled"_s));
        });
    return promise->future();
}

} // namespace hh::smart
