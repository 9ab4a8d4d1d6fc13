#pragma once

#include "core/connect/ConnectService.h"
#include "core/sync/TokenProvider.h"

#include <memory>

namespace hh::connect {

// The hh::sync::ITokenProvider the sync engine gets: forwards to the session's ConnectService
// (which keeps the tokens sealed in the vault and renews them single-flight per connection).
// Blocking; call it from sync workers, never from the GUI thread. Keeps the service alive.
class TokenProvider final : public sync::ITokenProvider
{
public:
    explicit TokenProvider(std::shared_ptr<ConnectService> service) : m_service(std::move(service)) {}

    [[nodiscard]] Result<sync::AccessToken> accessToken(const QString& connectionId, bool forceRefresh) override
    {
        return m_service->accessToken(connectionId, forceRefresh);
    }

private:
    std::shared_ptr<ConnectService> m_service;
};

} // namespace hh::connect
