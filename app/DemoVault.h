#pragma once

#include "core/Domain.h"
#include "core/Result.h"

#include <QString>

namespace hh::db {
class VaultService;
}

namespace hh::app {

// The demo vault's account. Its password is public: the demo holds only synthetic people.
inline constexpr char kDemoEmail[] = "demo@healthhub.example";
inline constexpr char kDemoPassword[] = "demo-password";

// Creates the demo account and family on first use, then signs in. Blocks (a second at most):
// call before the window is shown or from the command line.
[[nodiscard]] Status openDemoVault(db::VaultService& vault);

} // namespace hh::app
