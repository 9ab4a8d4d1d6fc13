#pragma once

#include "core/connect/IConnectionStore.h"
#include "core/connect/IEndpointStore.h"
#include "core/connect/IOAuthStateStore.h"

#include <memory>

namespace hh::connect {

// The storage the connection layer needs, for one signed-in account (db::makeConnectStores()).
struct ConnectStores {
    std::shared_ptr<IEndpointStore> endpoints;
    std::shared_ptr<IOAuthStateStore> states;
    std::shared_ptr<IConnectionStore> connections;

    [[nodiscard]] bool isValid() const { return endpoints && states && connections; }
    void releaseThreadResources() const
    {
        if (endpoints)
            endpoints->releaseThreadResources();
        if (states)
            states->releaseThreadResources();
        if (connections)
            connections->releaseThreadResources();
    }
};

} // namespace hh::connect
