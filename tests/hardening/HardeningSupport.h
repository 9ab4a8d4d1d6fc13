#pragma once

// Support of the hardening tests (issue 8): running `healthhub` as a subprocess inside one sandbox directory,
// scanning every file under a directory for plaintext, and a digest of a vault's logical content.

#include "core/SecretBytes.h"
#include "core/demo/SyntheticFamily.h"
#include "core/vault/Keychain.h"
#include "core/vault/VaultKeys.h"
#include "db/ConnectionFactory.h"
#include "db/VaultService.h"
#include "support/CliProcess.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QProcessEnvironment>
#include <QSqlQuery>
#include <QSet>
#include <QSqlRecord>
#include <QUrl>
#include <QStringList>
#include <QTest>

#include <sys/stat.h>

namespace hh::hardening {

using CliRun = test::CliRun; // support/CliProcess.h

// Runs the healthhub binary with HOME, XDG_* dirs, TMPDIR (and the vault's --data-dir) all inside `root`, so
// that every file it writes is under root. The caller's event loop keeps running while the process runs (an
// in-process demo server keeps answering).
class Cli
{
public:
    explicit Cli(QString root) : m_root(std::move(root))
    {
        for (const char* d : {"home", "xdg-config", "xdg-data", "xdg-cache", "xdg-state", "xdg-runtime", "tmp", "vault"})
            QDir().mkpath(path(QLatin1String(d)));
        ::chmod(QFile::encodeName(path(QStringLiteral("xdg-runtime"))).constData(), 0700);
    }

    [[nodiscard]] QString path(const QString& name) const { return m_root + u'/' + name; }
    [[nodiscard]] QString dataDir() const { return path(QStringLiteral("vault")); }
    [[nodiscard]] const QString& root() const { return m_root; }

    // Extra environment for every run (e.g. QT_LOGGING_RULES).
    void setEnv(const QString& name, const QString& value) { m_extraEnv.insert(name, value); }
    void unsetEnv(const QString& name) { m_extraEnv.remove(name); }

    [[nodiscard]] QProcessEnvironment environment() const
    {
        QProcessEnvironment env = test::headlessEnvironment();
        env.insert(QStringLiteral("HOME"), path(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral("xdg-config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("xdg-data")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), path(QStringLiteral("xdg-cache")));
        env.insert(QStringLiteral("XDG_STATE_HOME"), path(QStringLiteral("xdg-state")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), path(QStringLiteral("xdg-runtime")));
        env.insert(QStringLiteral("TMPDIR"), path(QStringLiteral("tmp")));
        env.remove(QStringLiteral("HH_DATA_DIR"));
        env.remove(QStringLiteral("HH_KILL_AT"));
        env.remove(QStringLiteral("XDG_DATA_DIRS"));
        env.remove(QStringLiteral("XDG_CONFIG_DIRS"));
        for (auto it = m_extraEnv.cbegin(); it != m_extraEnv.cend(); ++it)
            env.insert(it.key(), it.value());
        return env;
    }

    // `healthhub --data-dir <vault> --no-keychain ARGS`; stdin gets `input` and is closed.
    CliRun run(const QStringList& args, const QByteArray& input = {}, int timeoutMs = 120000) const
    {
        QStringList all{QStringLiteral("--data-dir"), dataDir(), QStringLiteral("--no-keychain")};
        all += args;
        return runRaw(all, input, timeoutMs);
    }

    CliRun runRaw(const QStringList& args, const QByteArray& input = {}, int timeoutMs = 120000) const
    {
        return test::runProcess(binary(), args, environment(), input, timeoutMs, path(QStringLiteral("home")));
    }

    static QString binary() { return test::healthhubBinary(); }

private:
    QString m_root;
    QMap<QString, QString> m_extraEnv;
};

// A text that must not be found, under a label that names it without revealing it.
struct Needle {
    QString label;
    QString text;
    bool caseSensitive = false; // tokens: exact; names and record text: any case
};

namespace detail {
inline void addText(QList<Needle>& out, const QString& label, const QString& text)
{
    const QString t = text.trimmed();
    if (t.size() < 5)
        return;
    for (const Needle& n : std::as_const(out))
        if (n.text.compare(t, Qt::CaseInsensitive) == 0)
            return;
    out.append({label, t, false});
}

inline void addCodeableConcept(QList<Needle>& out, const QString& label, const QJsonObject& cc)
{
    addText(out, label, cc.value(QStringLiteral("text")).toString());
    for (const QJsonValue& c : cc.value(QStringLiteral("coding")).toArray())
        addText(out, label, c.toObject().value(QStringLiteral("display")).toString());
}
} // namespace detail

// A demo patient's identity (name and its parts, birth date, address lines, phone/email) and record text
// (condition, medication and allergy names) as the demo health system serves them.
inline QList<Needle> recordNeedles(const demo::SyntheticFamily& family, demo::Vendor vendor, const QString& key)
{
    QList<Needle> out;
    const auto patient = family.patient(key);
    if (!patient)
        return out;
    detail::addText(out, QStringLiteral("patient name"), patient->displayName);
    for (const QString& part : patient->displayName.split(u' ', Qt::SkipEmptyParts))
        detail::addText(out, QStringLiteral("patient name part"), part);
    detail::addText(out, QStringLiteral("birth date"), patient->birthDate);
    family.forEach(vendor, key, QStringLiteral("Patient"), [&](const QJsonObject& p) {
        for (const QJsonValue& n : p.value(QStringLiteral("name")).toArray()) {
            const QJsonObject name = n.toObject();
            detail::addText(out, QStringLiteral("patient name part"), name.value(QStringLiteral("family")).toString());
            for (const QJsonValue& g : name.value(QStringLiteral("given")).toArray())
                detail::addText(out, QStringLiteral("patient name part"), g.toString());
        }
        for (const QJsonValue& a : p.value(QStringLiteral("address")).toArray())
            for (const QJsonValue& line : a.toObject().value(QStringLiteral("line")).toArray())
                detail::addText(out, QStringLiteral("address"), line.toString());
        for (const QJsonValue& t : p.value(QStringLiteral("telecom")).toArray())
            detail::addText(out, QStringLiteral("telecom"), t.toObject().value(QStringLiteral("value")).toString());
        return true;
    });
    const auto concepts = [&](const QString& type, const QString& field, const QString& label) {
        family.forEach(vendor, key, type, [&](const QJsonObject& r) {
            detail::addCodeableConcept(out, label, r.value(field).toObject());
            return true;
        });
    };
    concepts(QStringLiteral("Condition"), QStringLiteral("code"), QStringLiteral("condition"));
    concepts(QStringLiteral("MedicationRequest"), QStringLiteral("medicationCodeableConcept"), QStringLiteral("medication"));
    concepts(QStringLiteral("AllergyIntolerance"), QStringLiteral("code"), QStringLiteral("allergy"));
    return out;
}

struct Finding {
    QString file;
    QString label;
    QString encoding;
};

// Every regular file under `root` (hidden ones and those in hidden directories too, symlinks not followed),
// except those under one of `excluded`.
inline QStringList filesUnder(const QString& root, const QStringList& excluded = {})
{
    QStringList out;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString f = it.next();
        const QFileInfo info(f);
        if (info.isSymLink() || !info.isFile())
            continue;
        bool skip = false;
        for (const QString& e : excluded)
            if (f == e || f.startsWith(e + u'/'))
                skip = true;
        if (!skip)
            out.append(f);
    }
    out.sort();
    return out;
}

namespace detail {
inline QByteArray asciiLower(QByteArray b)
{
    for (char& c : b)
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    return b;
}

inline QByteArray utf16le(const QString& s)
{
    QByteArray out;
    out.reserve(s.size() * 2);
    for (QChar c : s) {
        out.append(char(c.unicode() & 0xff));
        out.append(char(c.unicode() >> 8));
    }
    return out;
}
} // namespace detail

// Looks for every needle in every file, as UTF-8, UTF-16LE, percent-encoded and JSON-escaped ('/' as "\/"),
// case-insensitively unless the needle says otherwise. Unreadable files are findings too (label
// "<unreadable>"): a scan that cannot look is not a pass.
inline QList<Finding> scanFiles(const QStringList& files, const QList<Needle>& needles)
{
    struct Variant {
        QString label;
        QString encoding;
        QByteArray bytes;
        bool caseSensitive;
    };
    QList<Variant> variants;
    for (const Needle& n : needles) {
        if (n.text.size() < 4)
            continue; // too short to mean anything
        const QString t = n.caseSensitive ? n.text : n.text.toLower();
        auto add = [&](const QString& enc, QByteArray b) {
            if (b.isEmpty())
                return;
            for (const Variant& v : std::as_const(variants))
                if (v.label == n.label && v.bytes == b)
                    return;
            variants.append({n.label, enc, std::move(b), n.caseSensitive});
        };
        add(QStringLiteral("utf-8"), t.toUtf8());
        add(QStringLiteral("utf-16le"), detail::utf16le(t));
        add(QStringLiteral("percent-encoded"), n.caseSensitive ? QUrl::toPercentEncoding(t)
                                                               : detail::asciiLower(QUrl::toPercentEncoding(t)));
        add(QStringLiteral("json-escaped"), t.toUtf8().replace("/", "\\/"));
    }
    QList<Finding> findings;
    for (const QString& f : files) {
        QFile file(f);
        if (!file.open(QIODevice::ReadOnly)) {
            findings.append({f, QStringLiteral("<unreadable>"), file.errorString()});
            continue;
        }
        const QByteArray content = file.readAll();
        const QByteArray lower = detail::asciiLower(content);
        QSet<QString> seen;
        for (const Variant& v : std::as_const(variants)) {
            if (seen.contains(v.label))
                continue;
            const QByteArray& hay = v.caseSensitive ? content : lower;
            if (hay.contains(v.bytes)) {
                findings.append({f, v.label, v.encoding});
                seen.insert(v.label);
            }
        }
    }
    return findings;
}

inline QString describe(const QList<Finding>& findings, const QString& root)
{
    QStringList lines;
    for (const Finding& f : findings)
        lines << QStringLiteral("%1: %2 (%3)").arg(QDir(root).relativeFilePath(f.file), f.label, f.encoding);
    return lines.join(u'\n');
}

// The logical content of a vault: per table, the row count and a SHA-256 over every row (all columns except
// `ignoredColumns` — "column" or "table.column", or a whole "table"), in a stable order, read through the
// app's own connection factory and SQLCipher driver. Reading writes nothing stored.
struct VaultDigest {
    QMap<QString, QByteArray> tables; // name -> "count:hash"
    QString error;

    [[nodiscard]] bool isValid() const { return error.isEmpty() && !tables.isEmpty(); }
    [[nodiscard]] QStringList differences(const VaultDigest& other) const
    {
        QStringList out;
        for (auto it = tables.cbegin(); it != tables.cend(); ++it)
            if (other.tables.value(it.key()) != it.value())
                out << it.key();
        for (auto it = other.tables.cbegin(); it != other.tables.cend(); ++it)
            if (!tables.contains(it.key()))
                out << it.key();
        return out;
    }
};

// The vault key, unwrapped from the header with the account's password (the app's own VaultKeys).
inline SecretBytes vaultKey(const QString& dataDir, const QString& email, const QByteArray& password)
{
    NoKeychain keychain;
    VaultKeys keys(VaultPaths{dataDir}, keychain);
    auto key = keys.unlockWithPassword(email, SecretBytes(password));
    return key ? *key : SecretBytes();
}

inline VaultDigest vaultDigest(const QString& dataDir, const SecretBytes& key, const QSet<QString>& ignoredColumns = {})
{
    VaultDigest d;
    auto factory = std::make_shared<db::ConnectionFactory>(VaultPaths{dataDir}.database(), key);
    {
        auto db = factory->connection(QStringLiteral("hardening_digest"));
        if (!db) {
            d.error = db.error().detail();
            return d;
        }
        QStringList tables;
        {
            QSqlQuery q(*db);
            if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))) {
                d.error = QStringLiteral("cannot list tables");
                return d;
            }
            while (q.next())
                tables << q.value(0).toString();
        }
        for (const QString& t : std::as_const(tables)) {
            if (ignoredColumns.contains(t))
                continue;
            QSqlQuery q(*db);
            q.setForwardOnly(true);
            if (!q.exec(QStringLiteral("SELECT * FROM \"%1\"").arg(t))) {
                d.error = QStringLiteral("cannot read %1").arg(t);
                return d;
            }
            QList<QByteArray> rows;
            while (q.next()) {
                const QSqlRecord rec = q.record();
                QByteArray row;
                for (int i = 0; i < rec.count(); ++i) {
                    if (ignoredColumns.contains(rec.fieldName(i)) || ignoredColumns.contains(t + u'.' + rec.fieldName(i)))
                        continue;
                    const QVariant v = q.value(i);
                    row += rec.fieldName(i).toUtf8() + '=' + (v.isNull() ? QByteArray("<null>") : v.toByteArray()) + '\x1f';
                }
                rows << QCryptographicHash::hash(row, QCryptographicHash::Sha256);
            }
            std::sort(rows.begin(), rows.end());
            QCryptographicHash h(QCryptographicHash::Sha256);
            for (const QByteArray& r : std::as_const(rows))
                h.addData(r);
            d.tables.insert(t, QByteArray::number(rows.size()) + ':' + h.result().toHex());
        }
    }
    factory->releaseThreadConnections();
    return d;
}

// SHA-256 of a file's bytes (empty when it does not exist).
inline QByteArray fileDigest(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
}

} // namespace hh::hardening
