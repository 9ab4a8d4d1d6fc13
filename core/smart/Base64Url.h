#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace hh::smart {

// RFC 4648 §5 base64url without padding (as used by PKCE, JWS and JWK).
[[nodiscard]] QByteArray base64UrlEncode(QByteArrayView bytes);
// Strict: only the base64url alphabet, optional trailing '=' padding; nullopt otherwise.
[[nodiscard]] std::optional<QByteArray> base64UrlDecode(QByteArrayView text);

} // namespace hh::smart
