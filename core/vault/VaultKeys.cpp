#include "core/vault/VaultKeys.h"

#include "core/Log.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace hh {

VaultKeys::VaultKeys(VaultPaths paths, IKeychain& keychain) : m_paths(std::move(paths)), m_keychain(keychain)
{
}

bool VaultKeys::exists() const
{
    return QFile::exists(m_paths.header());
}

QString VaultKeys::keychainKey(const VaultHeader& header) const
{
    return QStringLiteral("vault-") + header.vaultId();
}

void VaultKeys::storeInKeychain(const VaultHeader& header, const SecretBytes& key)
{
    const Status st = m_keychain.write(keychainKey(header), key);
    if (!st)
        qCInfo(lcVault) << "vault key not stored in the keychain:" << st.error().detail();
}

Result<SecretBytes> VaultKeys::create(const QString& email, const SecretBytes& password)
{
    if (exists())
        return Error(ErrorCode::AlreadyExists,
                     QCoreApplication::translate("hh::VaultKeys", "A vault already exists in this data folder."),
                     QStringLiteral("header exists"));
    if (!QDir().mkpath(m_paths.dataDir))
        return Error(ErrorCode::Io,
                     QCoreApplication::translate("hh::VaultKeys", "The data folder could not be created."),
                     QStringLiteral("mkpath failed"));
    QFile::setPermissions(m_paths.dataDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    SecretBytes key = SecretBytes::random(crypto::kKeySize);
    VaultHeader header = VaultHeader::create();
    if (Status st = header.setAccountKey(email, password, key); !st)
        return st.error();
    if (Status st = header.save(m_paths.header()); !st)
        return st.error();
    storeInKeychain(header, key);
    return key;
}

Result<VaultKeys::Unlocked> VaultKeys::unlock(const QString& email, const SecretBytes& password)
{
    auto header = VaultHeader::load(m_paths.header());
    if (!header)
        return header.error();
    if (!header->hasAccount(email))
        return Error(ErrorCode::NotFound,
                     QCoreApplication::translate("hh::VaultKeys", "No account with this email address exists in this vault."),
                     QStringLiteral("no header entry"));
    auto fromKeychain = m_keychain.read(keychainKey(*header));
    if (fromKeychain && fromKeychain->size() == crypto::kKeySize)
        return Unlocked{std::move(*fromKeychain), Source::Keychain};

    auto key = header->unwrapKey(email, password);
    if (!key)
        return key.error();
    // The keychain answered but had no entry (a new laptop, a restored backup): restore it.
    if (!fromKeychain && fromKeychain.error().code() == ErrorCode::NotFound)
        storeInKeychain(*header, *key);
    return Unlocked{std::move(*key), Source::Password};
}

Result<SecretBytes> VaultKeys::unlockWithPassword(const QString& email, const SecretBytes& password)
{
    auto header = VaultHeader::load(m_paths.header());
    if (!header)
        return header.error();
    auto key = header->unwrapKey(email, password);
    if (key)
        storeInKeychain(*header, *key); // replace a stale keychain entry
    return key;
}

Result<SecretBytes> VaultKeys::keyFromKeychain()
{
    auto header = VaultHeader::load(m_paths.header());
    if (!header)
        return header.error();
    auto key = m_keychain.read(keychainKey(*header));
    if (key && key->size() != crypto::kKeySize)
        return Error(ErrorCode::Keychain, QCoreApplication::translate("hh::VaultKeys", "The keychain entry is damaged."),
                     QStringLiteral("bad key size"));
    return key;
}

Status VaultKeys::setAccountPassword(const SecretBytes& key, const QString& email, const SecretBytes& password)
{
    auto header = VaultHeader::load(m_paths.header());
    if (!header)
        return header.error();
    if (Status st = header->setAccountKey(email, password, key); !st)
        return st;
    return header->save(m_paths.header());
}

Status VaultKeys::removeAccount(const QString& email)
{
    auto header = VaultHeader::load(m_paths.header());
    if (!header)
        return header.error();
    header->removeAccount(email);
    return header->save(m_paths.header());
}

Result<QString> VaultKeys::vaultId() const
{
    auto header = VaultHeader::load(m_paths.header());
    if (!header)
        return header.error();
    return header->vaultId();
}

} // namespace hh
