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

// The demo health systems' patient (demo::SyntheticFamily key, also the portal sign-in name) that the demo
// vault's profile of this relationship is: "self", "mother", "father", "child"; empty for the others.
[[nodiscard]] QString demoPatientKey(Relationship relationship);

} // namespace hh::app
