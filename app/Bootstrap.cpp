#include "app/Bootstrap.h"

#include "ui/LanguageSettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QLibraryInfo>
#include <QLocale>
#include <QMutex>
#include <QSet>
#include <QStandardPaths>
#include <QTranslator>

#include <algorithm>
#include <cstring>

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hh::app {

void hardenProcess()
{
    if (qEnvironmentVariable("HH_ALLOW_CORE_DUMPS") != u"1") {
        rlimit none{0, 0};
        setrlimit(RLIMIT_CORE, &none);
        prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    }
    umask(077);
}

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("HealthHub"));
    QCoreApplication::setApplicationName(QStringLiteral("HealthHub"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HH_VERSION));
}

QString chooseLanguage(const QString& option, const QString& setting)
{
    const QString fromOption = option.trimmed();
    if (!fromOption.isEmpty())
        return fromOption;
    return setting.trimmed();
}

namespace {

// The context names a .qm file holds (read from its messages block). The .qm layout — a 16-byte magic,
// then tagged blocks, messages as tagged fields — has been stable since Qt 4; anything unexpected
// ends the scan and leaves the fallback with what it found.
QList<QByteArray> qmContexts(const QByteArray& qm)
{
    static const unsigned char kMagic[16] = {0x3c, 0xb8, 0x64, 0x18, 0xca, 0xef, 0x9c, 0x95,
                                             0xcd, 0x21, 0x1c, 0xbf, 0x60, 0xa1, 0xbd, 0xdd};
    const auto* data = reinterpret_cast<const unsigned char*>(qm.constData());
    const qsizetype size = qm.size();
    if (size < 16 || memcmp(data, kMagic, 16) != 0)
        return {};
    auto read32 = [data](qsizetype at) {
        return (quint32(data[at]) << 24) | (quint32(data[at + 1]) << 16) | (quint32(data[at + 2]) << 8)
               | quint32(data[at + 3]);
    };
    enum : unsigned char { kMessagesBlock = 0x69 };
    enum : unsigned char { kEnd = 1, kTranslation = 3, kObsolete1 = 5, kSource = 6, kContext = 7, kComment = 8, kObsolete2 = 9 };
    QSet<QByteArray> contexts;
    qsizetype pos = 16;
    while (pos + 5 <= size) {
        const unsigned char tag = data[pos];
        const quint32 length = read32(pos + 1);
        pos += 5;
        if (qsizetype(length) > size - pos)
            break;
        if (tag == kMessagesBlock) {
            qsizetype m = pos;
            const qsizetype end = pos + length;
            while (m < end) {
                const unsigned char field = data[m++];
                if (field == kEnd)
                    continue;
                if (field == kObsolete1 || field == kObsolete2) {
                    m += 4;
                    continue;
                }
                if (field != kTranslation && field != kSource && field != kContext && field != kComment)
                    break;
                if (m + 4 > end)
                    break;
                const quint32 len = read32(m);
                m += 4;
                if (field == kTranslation && len == 0xffffffffu)
                    continue; // a null translation
                if (qsizetype(len) > end - m)
                    break;
                if (field == kContext)
                    contexts.insert(QByteArray(reinterpret_cast<const char*>(data + m), len));
                m += len;
            }
        }
        pos += length;
    }
    QList<QByteArray> out(contexts.begin(), contexts.end());
    std::sort(out.begin(), out.end());
    return out;
}

int sharedScopes(const QByteArray& a, const QByteArray& b)
{
    const QList<QByteArray> x = a.split(':');
    const QList<QByteArray> y = b.split(':');
    int n = 0;
    while (n < x.size() && n < y.size() && x.at(n) == y.at(n))
        ++n;
    return n;
}

// lupdate names a tr() call's context after the enclosing class or namespace, while several files
// translate through a local helper with a context of their own ("hh::smart", "hh::db::SyncStore"...).
// When the exact context has no translation, the same source text is looked up in the other contexts
// of the file, nearest namespace first; results are cached (translate() runs on any thread).
class HealthHubTranslator final : public QTranslator
{
public:
    bool loadFile(const QString& path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return false;
        m_contexts = qmContexts(file.readAll());
        return load(path);
    }

    QString translate(const char* context, const char* sourceText, const char* disambiguation = nullptr,
                      int n = -1) const override
    {
        QString exact = QTranslator::translate(context, sourceText, disambiguation, n);
        if (!exact.isNull() || !sourceText || m_contexts.isEmpty())
            return exact;
        const QByteArray ctx(context ? context : "");
        const QByteArray key = ctx + '\x04' + sourceText + '\x04' + (disambiguation ? disambiguation : "") + '\x04'
                               + QByteArray::number(n);
        {
            QMutexLocker lock(&m_mutex);
            const auto hit = m_cache.constFind(key);
            if (hit != m_cache.cend())
                return *hit;
        }
        QList<QByteArray> order = m_contexts;
        std::stable_sort(order.begin(), order.end(), [&ctx](const QByteArray& a, const QByteArray& b) {
            return sharedScopes(a, ctx) > sharedScopes(b, ctx);
        });
        QString found;
        for (const QByteArray& other : std::as_const(order)) {
            if (other == ctx)
                continue;
            found = QTranslator::translate(other.constData(), sourceText, disambiguation, n);
            if (!found.isNull())
                break;
        }
        QMutexLocker lock(&m_mutex);
        m_cache.insert(key, found);
        return found;
    }

private:
    QList<QByteArray> m_contexts;
    mutable QMutex m_mutex;
    mutable QHash<QByteArray, QString> m_cache;
};

} // namespace

std::unique_ptr<QTranslator> loadHealthHubTranslator(const QLocale& locale, const QString& directory)
{
    // The same search QTranslator::load(locale, ...) does: each UI language, then without territory.
    for (QString name : locale.uiLanguages()) {
        name.replace(u'-', u'_');
        while (!name.isEmpty()) {
            const QString path = directory + QStringLiteral("/healthhub_") + name + QStringLiteral(".qm");
            if (QFile::exists(path)) {
                auto translator = std::make_unique<HealthHubTranslator>();
                if (translator->loadFile(path))
                    return translator;
            }
            const qsizetype cut = name.lastIndexOf(u'_');
            name = cut > 0 ? name.left(cut) : QString();
        }
    }
    return nullptr;
}

void installTranslators(const QString& option)
{
    const QString language = chooseLanguage(option, ui::LanguageSettings::language());
    ui::LanguageSettings::setActive(language);
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    auto* qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    if (std::unique_ptr<QTranslator> own = loadHealthHubTranslator(locale)) {
        own->setParent(QCoreApplication::instance());
        QCoreApplication::installTranslator(own.release());
    }
    // Dates and numbers follow the chosen language (views format through QLocale()).
    if (!language.isEmpty())
        QLocale::setDefault(locale);
}

void prepareWebEngine()
{
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    if (geteuid() == 0 && qEnvironmentVariableIsEmpty("QTWEBENGINE_DISABLE_SANDBOX"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
}

QString resolveDataDir(const QString& option)
{
    QString dir = option;
    if (dir.isEmpty())
        dir = qEnvironmentVariable("HH_DATA_DIR");
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir::cleanPath(QDir(dir).absolutePath());
}

} // namespace hh::app
