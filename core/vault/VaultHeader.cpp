#include "core/vault/VaultHeader.h"

#include "core/Domain.h"
#include "core/Validation.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace hh {

namespace {
const QString kFormatName = QStringLiteral("healthhub-vault-header");

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(hh::VaultHeader)
};

Error corrupt(const QString& detail)
{
    return Error(ErrorCode::VaultCorrupt, Tr::tr("The vault header file is damaged."), detail);
}
} // namespace

VaultHeader VaultHeader::create()
{
    VaultHeader h;
    h.m_vaultId = newId();
    h.m_tagSalt = crypto::randomBytes(32);
    return h;
}

Result<VaultHeader> VaultHeader::load(const QString& path)
{
    QFile f(path);
    if (!f.exists())
        return Error(ErrorCode::VaultMissing, Tr::tr("There is no vault in this data folder."),
                     QStringLiteral("header missing"));
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io, Tr::tr("The vault header could not be read."), f.errorString());
    if (f.size() > 1024 * 1024)
        return corrupt(QStringLiteral("header too large"));
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return corrupt(QStringLiteral("not a JSON object"));
    const QJsonObject o = doc.object();
    if (o.value(u"format").toString() != kFormatName)
        return corrupt(QStringLiteral("wrong format name"));
    const int version = o.value(u"version").toInt(-1);
    if (version > kFormatVersion)
        return Error(
            ErrorCode::VaultTooNew,
            Tr::tr("This vault was created by a newer version of Health Hub. Update Health Hub to open it."),
            QStringLiteral("header version %1").arg(version));
    if (version < 1)
        return corrupt(QStringLiteral("bad version"));

    VaultHeader h;
    h.m_vaultId = o.value(u"vault_id").toString();
    h.m_tagSalt = QByteArray::fromBase64(o.value(u"tag_salt").toString().toLatin1());
    if (h.m_vaultId.isEmpty() || h.m_tagSalt.size() != 32)
        return corrupt(QStringLiteral("bad vault id or salt"));
    const QJsonArray accounts = o.value(u"accounts").toArray();
    for (const QJsonValue& v : accounts) {
        const QJsonObject a = v.toObject();
        Wrapping w;
        w.tag = a.value(u"tag").toString().toLatin1();
        w.salt = QByteArray::fromBase64(a.value(u"salt").toString().toLatin1());
        w.opsLimit = static_cast<quint64>(a.value(u"ops").toDouble());
        w.memLimit = static_cast<quint64>(a.value(u"mem").toDouble());
        w.wrapped = QByteArray::fromBase64(a.value(u"wrapped").toString().toLatin1());
        if (w.tag.size() != 64 || w.salt.size() != static_cast<qsizetype>(crypto::kSaltSize) || w.opsLimit == 0
            || w.memLimit == 0 || w.wrapped.isEmpty())
            return corrupt(QStringLiteral("bad account entry"));
        h.m_accounts.append(w);
    }
    return h;
}

Status VaultHeader::save(const QString& path) const
{
    QJsonArray accounts;
    for (const Wrapping& w : m_accounts) {
        accounts.append(QJsonObject{
            {u"tag"_s, QString::fromLatin1(w.tag)},
            {u"salt"_s, QString::fromLatin1(w.salt.toBase64())},
            {u"ops"_s, static_cast<double>(w.opsLimit)},
            {u"mem"_s, static_cast<double>(w.memLimit)},
            {u"wrapped"_s, QString::fromLatin1(w.wrapped.toBase64())},
        });
    }
    const QJsonObject o{
        {u"format"_s, kFormatName},
        {u"version"_s, kFormatVersion},
        {u"vault_id"_s, m_vaultId},
        {u"tag_salt"_s, QString::fromLatin1(m_tagSalt.toBase64())},
        {u"accounts"_s, accounts},
    };
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Error(ErrorCode::Io, Tr::tr("The vault header could not be written."), f.errorString());
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(QJsonDocument(o).toJson(QJsonDocument::Indented));
    if (!f.commit())
        return Error(ErrorCode::Io, Tr::tr("The vault header could not be written."), f.errorString());
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return success();
}

QByteArray VaultHeader::tagFor(const QString& email) const
{
    return crypto::keyedTag(m_tagSalt, normalizeEmail(email).toUtf8());
}

qsizetype VaultHeader::indexOf(const QString& email) const
{
    const QByteArray tag = tagFor(email);
    for (qsizetype i = 0; i < m_accounts.size(); ++i)
        if (m_accounts.at(i).tag == tag)
            return i;
    return -1;
}

bool VaultHeader::hasAccount(const QString& email) const
{
    return indexOf(email) >= 0;
}

Status VaultHeader::setAccountKey(const QString& email, const SecretBytes& password, const SecretBytes& key,
                                  crypto::KdfCost cost)
{
    Wrapping w;
    w.tag = tagFor(email);
    w.salt = crypto::randomBytes(crypto::kSaltSize);
    w.opsLimit = cost.opsLimit;
    w.memLimit = cost.memLimit;
    auto kek = crypto::deriveKey(password, w.salt, cost);
    if (!kek)
        return kek.error();
    w.wrapped = crypto::seal(*kek, key);
    const qsizetype i = indexOf(email);
    if (i >= 0)
        m_accounts[i] = w;
    else
        m_accounts.append(w);
    return success();
}

Result<SecretBytes> VaultHeader::unwrapKey(const QString& email, const SecretBytes& password) const
{
    const qsizetype i = indexOf(email);
    if (i < 0)
        return Error(ErrorCode::NotFound, Tr::tr("No account with this email address exists in this vault."),
                     QStringLiteral("no header entry"));
    const Wrapping& w = m_accounts.at(i);
    crypto::KdfCost cost;
    cost.opsLimit = w.opsLimit;
    cost.memLimit = static_cast<std::size_t>(w.memLimit);
    auto kek = crypto::deriveKey(password, w.salt, cost);
    if (!kek)
        return kek.error();
    auto key = crypto::open(*kek, w.wrapped);
    if (!key)
        return Error(ErrorCode::WrongPassword, Tr::tr("The password is not correct."),
                     QStringLiteral("unwrap failed"));
    return key;
}

void VaultHeader::removeAccount(const QString& email)
{
    const qsizetype i = indexOf(email);
    if (i >= 0)
        m_accounts.removeAt(i);
}

} // namespace hh
