#pragma once

#include "core/SecretBytes.h"

#include <QMetaType>
#include <QString>
#include <QUrl>

#include <optional>

namespace hh::smart {

// What came back on the redirect URI. Parsed with QUrlQuery / QUrl::FullyDecoded; the code is
// kept byte-exact (never truncated or re-decoded). The state is NOT validated here: the caller
// looks it up (single-use, unexpired) and compares it in constant time — for error redirects too.
struct RedirectResult {
    enum class Kind {
        NotRedirect, // not the registered redirect URI: let the navigation go on
        Code,        // ?code=…&state=…
        Error,       // ?error=…[&error_description=…]&state=… (also when a code came with it)
        Malformed,   // the redirect URI, but neither code nor error
    };

    Kind kind = Kind::NotRedirect;
    SecretBytes code;
    QString state;
    QString error;
    QString errorDescription;
    // RFC 9207 `iss`: who issued this response, when the server says (a mix-up defence: compared with the
    // issuer of the health system the state belongs to).
    std::optional<QString> issuer;

    [[nodiscard]] bool isRedirect() const { return kind != Kind::NotRedirect; }
};

// True when scheme, host, effective port (80/443 defaults) and path equal the registered URI's
// (an empty path equals "/"). Query and fragment are ignored.
[[nodiscard]] bool matchesRedirectUri(const QUrl& url, const QUrl& registeredRedirectUri);

[[nodiscard]] RedirectResult parseRedirect(const QUrl& url, const QUrl& registeredRedirectUri);

} // namespace hh::smart

Q_DECLARE_METATYPE(hh::smart::RedirectResult)
