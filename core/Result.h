#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

#include <utility>
#include <variant>

namespace hh {

// What went wrong, in a form callers can branch on. Keep the list short and stable: the CLI maps
// it to exit codes and the GUI to wording.
enum class ErrorCode {
    Unknown,
    InvalidInput,     // bad argument, bad file, failed validation
    NotFound,         // no such account, profile, endpoint ...
    AlreadyExists,    // duplicate email, duplicate name ...
    WrongPassword,    // or wrong key: the secret did not open the vault
    VaultMissing,     // no vault in the data directory
    VaultTooNew,      // created by a newer Health Hub
    VaultCorrupt,     // header or database unreadable for another reason
    NotEncrypted,     // security invariant: database would be opened without encryption
    Database,         // SQL failure
    Keychain,         // OS keychain unavailable or failed
    Network,          // transport failure, timeout
    Server,           // a server answered with an error
    Protocol,         // a server answered something malformed
    Unauthorized,     // 401, refused refresh: needs sign-in again
    Cancelled,
    Io,               // file system
};

// An error has a translated message for people and a developer detail for logs. The detail must
// never contain PHI, tokens, keys or URLs with query strings.
class Error
{
public:
    Error() = default;
    Error(ErrorCode code, QString userMessage, QString detail = {})
        : m_code(code), m_message(std::move(userMessage)), m_detail(std::move(detail))
    {
    }

    [[nodiscard]] ErrorCode code() const { return m_code; }
    [[nodiscard]] const QString& message() const { return m_message; }
    [[nodiscard]] const QString& detail() const { return m_detail; }

private:
    ErrorCode m_code = ErrorCode::Unknown;
    QString m_message;
    QString m_detail;
};

// Result<T>: a value or an Error (a small stand-in for std::expected, which needs C++23).
// Default-constructible so it can travel in QFuture and queued signals.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result() : m_data(T{}) {}
    Result(T value) : m_data(std::move(value)) {}           // NOLINT(google-explicit-constructor)
    Result(Error error) : m_data(std::move(error)) {}       // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] T& value() & { return std::get<0>(m_data); }
    [[nodiscard]] const T& value() const& { return std::get<0>(m_data); }
    [[nodiscard]] T&& value() && { return std::get<0>(std::move(m_data)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    [[nodiscard]] const Error& error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_ok(false) {} // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    [[nodiscard]] const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

using Status = Result<void>;

inline Status success() { return {}; }

} // namespace hh

Q_DECLARE_METATYPE(hh::Error)
