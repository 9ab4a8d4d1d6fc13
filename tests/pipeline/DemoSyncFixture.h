#pragma once

// A vault, the demo health systems in-process and a sync scheduler signing in over plain HTTP: what
// tests/sync does, shared by the pipeline's demo and runner tests.

#include "core/demo/DemoServer.h"
#include "core/sync/SyncScheduler.h"
#include "db/SyncStore.h"
#include "sync/SyncTestSupport.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace hh::pipelinetest {

class DemoSyncFixture
{
public:
    demo::DemoServer server;
    std::unique_ptr<synctest::TestVault> vault;
    std::shared_ptr<synctest::DemoTokenProvider> tokens;
    std::shared_ptr<db::SyncStore> store;

    [[nodiscard]] bool startServer()
    {
        sync::registerSyncMetaTypes();
        demo::DemoServerOptions options;
        options.scale = 1;
        return server.start(options).ok();
    }

    [[nodiscard]] bool openVault()
    {
        vault = std::make_unique<synctest::TestVault>();
        tokens = std::make_shared<synctest::DemoTokenProvider>();
        store = std::make_shared<db::SyncStore>(vault->factory());
        return vault->isValid();
    }

    void closeVault()
    {
        store.reset();
        if (vault)
            vault->release();
        vault.reset();
    }

    // A connection of `profileId` to the demo endpoint `endpointId`, signing in as `user`.
    QString connect(const QString& profileId, const QString& endpointId, const QString& user)
    {
        const auto ep = server.endpoint(endpointId);
        if (!ep)
            return {};
        vault->addEndpoint(ep->id, ep->vendor, ep->name, ep->fhirBaseUrl);
        const QString id = vault->addConnection(profileId, ep->id, ep->vendor);
        tokens->addConnection(id, ep->fhirBaseUrl, user);
        return id;
    }

    std::unique_ptr<sync::SyncScheduler> scheduler()
    {
        sync::SyncEngineOptions o;
        o.http.retry.timeScale = 0.001;
        o.http.requestTimeout = std::chrono::seconds(20);
        o.http.transferTimeout = std::chrono::seconds(20);
        return std::make_unique<sync::SyncScheduler>(store, tokens, vault->userId(), o);
    }
};

} // namespace hh::pipelinetest
