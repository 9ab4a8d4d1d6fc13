#include "core/Domain.h"
#include "core/SecretBytes.h"
#include "core/Validation.h"

#include <QTest>

using namespace hh;

class TestValidation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void email_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << QStringLiteral("ana@example.org") << true;
        QTest::newRow("subdomain") << QStringLiteral("a.b+c@mail.example.co.uk") << true;
        QTest::newRow("padded") << QStringLiteral("  ana@example.org ") << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("no at") << QStringLiteral("ana.example.org") << false;
        QTest::newRow("two at") << QStringLiteral("a@b@example.org") << false;
        QTest::newRow("no dot") << QStringLiteral("ana@localhost") << false;
        QTest::newRow("space") << QStringLiteral("an a@example.org") << false;
    }
    void email()
    {
        QFETCH(QString, email);
        QFETCH(bool, valid);
        QCOMPARE(validateEmail(email).ok(), valid);
    }

    void dateOfBirth_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ok") << QStringLiteral("1946-02-03") << true;
        QTest::newRow("today") << QStringLiteral("2026-11-26") << true;
        QTest::newRow("future") << QStringLiteral("2026-11-27") << false;
        QTest::newRow("not a date") << QStringLiteral("1946-02-30") << false;
        QTest::newRow("wrong format") << QStringLiteral("03/02/1946") << false;
        QTest::newRow("too old") << QStringLiteral("1700-01-01") << false;
    }
    void dateOfBirth()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QCOMPARE(parseDateOfBirth(text, QDate(2026, 11, 26)).ok(), valid);
    }

    void profileNeedsDisplayName()
    {
        Profile p;
        QVERIFY(!validateProfile(p).ok());
        p.displayName = QStringLiteral("Mom");
        QVERIFY(validateProfile(p).ok());
        p.dateOfBirth = QDate::currentDate().addDays(1);
        QCOMPARE(validateProfile(p).error().code(), ErrorCode::InvalidInput);
    }

    void labels_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << QStringLiteral("Mom") << true;
        QTest::newRow("accents and CJK") << QStringLiteral("Mamá 母親") << true;
        QTest::newRow("empty (the caller decides)") << QString() << true;
        QTest::newRow("line break") << QStringLiteral("A\nB") << false;
        QTest::newRow("carriage return") << QStringLiteral("A\rB") << false;
        QTest::newRow("escape") << QStringLiteral("A\x1b[31mB") << false;
        QTest::newRow("tab") << QStringLiteral("A\tB") << false;
        QTest::newRow("line separator") << QString::fromUtf16(u"A\u2028B") << false;
        QTest::newRow("bidi override") << QString::fromUtf16(u"A\u202EB") << false;
        QTest::newRow("bidi isolate") << QString::fromUtf16(u"A\u2067B") << false;
        QTest::newRow("too long") << QString(101, u'x') << false;
        QTest::newRow("longest") << QString(100, u'x') << true;
    }
    void labels()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QCOMPARE(validateLabel(text, 100).ok(), valid);
        Profile p;
        p.displayName = text.isEmpty() ? QStringLiteral("x") : text;
        QCOMPARE(validateProfile(p).ok(), valid || text.isEmpty());
    }

    void relationshipKeysRoundTrip()
    {
        for (Relationship r : allRelationships())
            QCOMPARE(relationshipFromKey(relationshipKey(r)), std::optional<Relationship>(r));
        QVERIFY(!relationshipFromKey(u"aunt").has_value());
        QCOMPARE(relationshipFromKey(u"MOTHER"), std::optional<Relationship>(Relationship::Mother));
    }

    void secretBytesCompareAndCopy()
    {
        const SecretBytes a = SecretBytes::random(32);
        SecretBytes b = a;
        QVERIFY(a.equals(b));
        QCOMPARE(a.size(), std::size_t(32));
        b.clear();
        QVERIFY(b.isEmpty());
        QVERIFY(!a.equals(b));
        QVERIFY(!SecretBytes::random(32).equals(a));
    }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "TestValidation.moc"
