#pragma once

#include <QByteArray>
#include <QString>

#include <cstddef>

namespace hh {

// Bytes of a secret (key, password, token). The buffer is wiped (sodium_memzero) when the object
// dies or is reassigned. Never convert to QString for storage or logging; fromString() exists only
// to take a password from an input widget or file and the caller should clear its own copy.
class SecretBytes
{
public:
    SecretBytes() = default;
    explicit SecretBytes(QByteArray bytes);
    SecretBytes(const char* data, std::size_t size);
    static SecretBytes fromString(const QString& text);   // UTF-8
    static SecretBytes random(std::size_t size);          // libsodium randombytes
    ~SecretBytes();

    SecretBytes(const SecretBytes& other);
    SecretBytes& operator=(const SecretBytes& other);
    SecretBytes(SecretBytes&& other) noexcept;
    SecretBytes& operator=(SecretBytes&& other) noexcept;

    [[nodiscard]] const char* data() const { return m_bytes.constData(); }
    [[nodiscard]] const unsigned char* udata() const
    {
        return reinterpret_cast<const unsigned char*>(m_bytes.constData());
    }
    [[nodiscard]] unsigned char* mutableData();
    [[nodiscard]] std::size_t size() const { return static_cast<std::size_t>(m_bytes.size()); }
    [[nodiscard]] bool isEmpty() const { return m_bytes.isEmpty(); }
    // A copy the caller is responsible for: only for APIs that need a QByteArray (e.g. hex key).
    [[nodiscard]] QByteArray toByteArray() const { return m_bytes; }
    [[nodiscard]] QByteArray toHex() const { return m_bytes.toHex(); }
    void clear();

    // Constant-time comparison.
    [[nodiscard]] bool equals(const SecretBytes& other) const;

private:
    void wipe();
    QByteArray m_bytes;
};

} // namespace hh
