#pragma once

#include "core/connect/IOAuthStateStore.h"

#include <memory>

namespace hh::db {

class ConnectionFactory;

// oauth_states of one account over the encrypted database (role "connect" connections).
class OAuthStateStore final : public connect::IOAuthStateStore
{
public:
    OAuthStateStore(std::shared_ptr<ConnectionFactory> factory, QString userId);

    [[nodiscard]] Status insert(const connect::OAuthState& state) override;
    [[nodiscard]] Result<Consumed> consume(const QString& state, const QDateTime& nowUtc) override;
    [[nodiscard]] Status purgeExpired(const QDateTime& cutoffUtc) override;
    void releaseThreadResources() override;

private:
    std::shared_ptr<ConnectionFactory> m_factory;
    QString m_userId;
};

} // namespace hh::db
