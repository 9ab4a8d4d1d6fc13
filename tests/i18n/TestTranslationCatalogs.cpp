// The translation catalogs (translations/*.ts): Spanish complete, placeholders, HTML and accelerators
// kept; English has its plural forms.

#include "i18n/TsCatalog.h"

#include <QMap>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using hh::test::TsCatalog;
using hh::test::TsMessage;

namespace {

QString tsPath(const QString& lang)
{
    return QStringLiteral(HH_TRANSLATIONS_DIR "/healthhub_%1.ts").arg(lang);
}

// %1..%99 (also %L1) and %n, as a sorted multiset.
QStringList placeholders(const QString& text)
{
    static const QRegularExpression re(uR"(%L?(\d{1,2}|n))"_s);
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out.append(it.next().captured(1));
    out.sort();
    return out;
}

// HTML tags, by name and whether they close, as a sorted multiset.
QStringList htmlTags(const QString& text)
{
    static const QRegularExpression re(uR"(<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)[^>]*>)"_s);
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out.append(m.captured(1) + m.captured(2).toLower());
    }
    out.sort();
    return out;
}

// Keyboard accelerators: '&' before a letter or digit ("&&" is a literal ampersand).
int accelerators(const QString& text)
{
    int n = 0;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&') {
            ++i;
            continue;
        }
        if (text.at(i + 1).isLetterOrNumber())
            ++n;
    }
    return n;
}

// Words of three or more lowercase letters: sentences have several, names and codes few.
int lowercaseWords(const QString& text)
{
    static const QRegularExpression word(uR"(\b[a-z]{3,}\b)"_s);
    int n = 0;
    for (auto it = word.globalMatch(text); it.hasNext(); it.next())
        ++n;
    return n;
}

QString where(const TsMessage& m)
{
    return u"[%1] \"%2\""_s.arg(m.context, m.source.left(60));
}

} // namespace

class TestTranslationCatalogs : public QObject
{
    Q_OBJECT

private:
    static TsCatalog load(const QString& lang)
    {
        TsCatalog c = hh::test::readTs(tsPath(lang));
        return c;
    }

    // Every translated form of m keeps the source's placeholders, tags and accelerator.
    static QStringList mismatches(const TsMessage& m)
    {
        QStringList problems;
        const QStringList forms = m.numerus ? m.numerusForms : QStringList{m.translation};
        for (const QString& form : forms) {
            if (form.isEmpty())
                continue;
            if (placeholders(form) != placeholders(m.source))
                problems << u"%1: placeholders %2 became %3"_s.arg(where(m), placeholders(m.source).join(u','),
                                                                     placeholders(form).join(u','));
            if (htmlTags(form) != htmlTags(m.source))
                problems << u"%1: HTML tags differ"_s.arg(where(m));
            if (accelerators(form) != accelerators(m.source))
                problems << u"%1: %2 accelerator(s) in the source, %3 in \"%4\""_s.arg(where(m))
                                .arg(accelerators(m.source))
                                .arg(accelerators(form))
                                .arg(form);
        }
        return problems;
    }

private Q_SLOTS:
    void helpersWork()
    {
        // The checks below rely on these; a broken helper would let everything pass.
        QCOMPARE(placeholders(u"%1 of %n, %L2"_s), (QStringList{u"1"_s, u"2"_s, u"n"_s}));
        QCOMPARE(htmlTags(u"<b>a</b><br/>"_s), (QStringList{u"/b"_s, u"b"_s, u"br"_s}));
        QCOMPARE(accelerators(u"&File && more"_s), 1);
        QCOMPARE(accelerators(u"Save"_s), 0);
    }

    void catalogsParse_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::newRow("english") << u"en"_s;
        QTest::newRow("spanish") << u"es"_s;
    }

    void catalogsParse()
    {
        QFETCH(QString, lang);
        const TsCatalog c = load(lang);
        QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
        QVERIFY2(c.messages.size() > 500, "the catalog looks empty: run the update_translations target");
        QVERIFY(c.language.startsWith(lang));
        for (const TsMessage& m : c.messages)
            QVERIFY2(!m.vanished, qPrintable(where(m) + u" is obsolete: run update_translations"_s));
    }

    // Spanish: every message is finished and non-empty; plural messages have Spanish's two forms.
    void spanishIsComplete()
    {
        const TsCatalog c = load(u"es"_s);
        QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
        QStringList problems;
        int numerus = 0;
        for (const TsMessage& m : c.messages) {
            if (m.unfinished)
                problems << where(m) + u" is unfinished"_s;
            if (m.numerus) {
                ++numerus;
                if (m.numerusForms.size() != 2)
                    problems << where(m) + u" needs 2 plural forms"_s;
                for (const QString& f : m.numerusForms)
                    if (f.trimmed().isEmpty())
                        problems << where(m) + u" has an empty plural form"_s;
            } else if (m.translation.isEmpty()) {
                problems << where(m) + u" has no translation"_s;
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 20).join(u'\n')));
        QVERIFY(numerus > 0);
    }

    void spanishKeepsPlaceholdersTagsAndAccelerators()
    {
        const TsCatalog c = load(u"es"_s);
        QStringList problems;
        for (const TsMessage& m : c.messages)
            problems << mismatches(m);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 20).join(u'\n')));
    }

    // Spanish actually differs from English for real sentences (not copied sources).
    void spanishIsTranslated()
    {
        const TsCatalog c = load(u"es"_s);
        int sentences = 0;
        int copied = 0;
        QStringList examples;
        for (const TsMessage& m : c.messages) {
            if (m.numerus || lowercaseWords(m.source) < 3)
                continue; // names, codes and short labels may legitimately stay the same
            ++sentences;
            if (m.translation == m.source) {
                ++copied;
                examples << where(m);
            }
        }
        QVERIFY(sentences > 300);
        QVERIFY2(copied == 0, qPrintable(examples.mid(0, 20).join(u'\n')));
    }

    // English: the source is the text, except plural messages, which need both forms.
    void englishHasPluralForms()
    {
        const TsCatalog c = load(u"en"_s);
        QStringList problems;
        int numerus = 0;
        for (const TsMessage& m : c.messages) {
            if (m.numerus) {
                ++numerus;
                if (m.unfinished || m.numerusForms.size() != 2 || m.numerusForms.contains(QString()))
                    problems << where(m) + u" needs its singular and plural form"_s;
            }
            problems << mismatches(m);
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 20).join(u'\n')));
        QVERIFY(numerus > 0);
    }

    // Both catalogs list the same messages (lupdate ran on both).
    void catalogsMatch()
    {
        const TsCatalog en = load(u"en"_s);
        const TsCatalog es = load(u"es"_s);
        QSet<QString> a, b;
        for (const TsMessage& m : en.messages)
            a.insert(m.context + u'\x04' + m.source + u'\x04' + m.comment);
        for (const TsMessage& m : es.messages)
            b.insert(m.context + u'\x04' + m.source + u'\x04' + m.comment);
        QCOMPARE(a.size(), en.messages.size());
        QCOMPARE(a, b);
    }
};

QTEST_GUILESS_MAIN(TestTranslationCatalogs)
#include "TestTranslationCatalogs.moc"
