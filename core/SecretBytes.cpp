#include "core/SecretBytes.h"

#include <sodium.h>

namespace hh {

namespace {
struct SodiumInit {
    SodiumInit() { (void)sodium_init(); }
};
const SodiumInit kSodiumInit;
} // namespace

SecretBytes::SecretBytes(QByteArray bytes) : m_bytes(std::move(bytes))
{
    m_bytes.detach();
}

SecretBytes::SecretBytes(const char* data, std::size_t size)
    : m_bytes(data, static_cast<qsizetype>(size))
{
}

SecretBytes SecretBytes::fromString(const QString& text)
{
    return SecretBytes(text.toUtf8());
}

SecretBytes SecretBytes::random(std::size_t size)
{
    SecretBytes s;
    s.m_bytes.resize(static_cast<qsizetype>(size));
    randombytes_buf(s.m_bytes.data(), size);
    return s;
}

SecretBytes::~SecretBytes()
{
    wipe();
}

SecretBytes::SecretBytes(const SecretBytes& other) : m_bytes(other.m_bytes)
{
    m_bytes.detach();
}

SecretBytes& SecretBytes::operator=(const SecretBytes& other)
{
    if (this != &other) {
        wipe();
        m_bytes = other.m_bytes;
        m_bytes.detach();
    }
    return *this;
}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept : m_bytes(std::move(other.m_bytes))
{
}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept
{
    if (this != &other) {
        wipe();
        m_bytes = std::move(other.m_bytes);
    }
    return *this;
}

unsigned char* SecretBytes::mutableData()
{
    return reinterpret_cast<unsigned char*>(m_bytes.data());
}

void SecretBytes::clear()
{
    wipe();
    m_bytes.clear();
}

bool SecretBytes::equals(const SecretBytes& other) const
{
    if (m_bytes.size() != other.m_bytes.size())
        return false;
    if (m_bytes.isEmpty())
        return true;
    return sodium_memcmp(m_bytes.constData(), other.m_bytes.constData(), size()) == 0;
}

void SecretBytes::wipe()
{
    // Only wipe a buffer we own alone; a shared one is still in use by another SecretBytes.
    if (!m_bytes.isEmpty() && !m_bytes.isDetached())
        return;
    if (!m_bytes.isEmpty())
        sodium_memzero(m_bytes.data(), static_cast<std::size_t>(m_bytes.size()));
}

} // namespace hh
