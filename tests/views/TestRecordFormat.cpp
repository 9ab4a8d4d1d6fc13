// RecordFormat: how units and values read for people (display only; records keep UCUM codes).
#include "ui/RecordFormat.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace hh::ui;
using namespace Qt::StringLiterals;

class TestRecordFormat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unitLabels_data()
    {
        QTest::addColumn<QString>("ucum");
        QTest::addColumn<QString>("shown");
        // Whole codes with a customary spelling.
        QTest::newRow("celsius") << u"Cel"_s << u"°C"_s;
        QTest::newRow("fahrenheit") << u"[degF]"_s << u"°F"_s;
        QTest::newRow("mmHg") << u"mm[Hg]"_s << u"mmHg"_s;
        QTest::newRow("cmH2O") << u"cm[H2O]"_s << u"cmH₂O"_s;
        QTest::newRow("inch") << u"[in_i]"_s << u"in"_s;
        QTest::newRow("pound") << u"[lb_av]"_s << u"lb"_s;
        // Part by part.
        QTest::newRow("annotation in a unit") << u"mL/min/{1.73_m2}"_s << u"mL/min/1.73 m²"_s;
        QTest::newRow("bmi") << u"kg/m2"_s << u"kg/m²"_s;
        QTest::newRow("area") << u"m2"_s << u"m²"_s;
        QTest::newRow("acceleration") << u"m/s2"_s << u"m/s²"_s;
        QTest::newRow("cells") << u"10*3/uL"_s << u"10³/µL"_s;
        QTest::newRow("cells caret") << u"10^9/L"_s << u"10⁹/L"_s;
        QTest::newRow("micrograms") << u"ug/mL"_s << u"µg/mL"_s;
        QTest::newRow("micromoles") << u"umol/L"_s << u"µmol/L"_s;
        QTest::newRow("micro units") << u"uU/mL"_s << u"µU/mL"_s;
        QTest::newRow("international units") << u"[IU]/L"_s << u"IU/L"_s;
        QTest::newRow("water inside") << u"cm[H2O]/L"_s << u"cmH2O/L"_s;
        // Already readable: unchanged.
        QTest::newRow("mg/dL") << u"mg/dL"_s << u"mg/dL"_s;
        QTest::newRow("mmol/L") << u"mmol/L"_s << u"mmol/L"_s;
        QTest::newRow("U/L") << u"U/L"_s << u"U/L"_s;
        QTest::newRow("mEq/L") << u"mEq/L"_s << u"mEq/L"_s;
        QTest::newRow("percent") << u"%"_s << u"%"_s;
        QTest::newRow("rate") << u"/min"_s << u"/min"_s;
        QTest::newRow("per day") << u"g/(24.h)"_s << u"g/(24.h)"_s;
        // Unitless: nothing shown.
        QTest::newRow("one") << u"1"_s << QString();
        QTest::newRow("count") << u"{count}"_s << QString();
        QTest::newRow("score") << u"{score}"_s << QString();
        QTest::newRow("empty") << QString() << QString();
    }
    void unitLabels()
    {
        QFETCH(QString, ucum);
        QFETCH(QString, shown);
        QCOMPARE(RecordFormat::unit(ucum), shown);
    }

    void valuesWithUnits()
    {
        const QLocale en(QLocale::English, QLocale::UnitedStates);
        QCOMPARE(RecordFormat::value(36.7, u"Cel"_s, QString(), en), u"36.7 °C"_s);
        QCOMPARE(RecordFormat::value(35, u"mL/min/{1.73_m2}"_s, QString(), en), u"35 mL/min/1.73 m²"_s);
        QCOMPARE(RecordFormat::value(72, u"/min"_s, QString(), en), u"72/min"_s);
        QCOMPARE(RecordFormat::value(7.3, u"%"_s, QString(), en), u"7.3 %"_s);
        QCOMPARE(RecordFormat::value(3, u"{count}"_s, QString(), en), u"3"_s);
        // A body mass index (computed: 69.5 kg / 1.6 m²) with one decimal; measured values keep their precision.
        QCOMPARE(RecordFormat::value(27.1484375, u"kg/m2"_s, QString(), en), u"27.1 kg/m²"_s);
        QCOMPARE(RecordFormat::value(27.14, u"kg/m2"_s, QString(), en), u"27.1 kg/m²"_s);
        QCOMPARE(RecordFormat::value(27.96, u"kg/m2"_s, QString(), en), u"28 kg/m²"_s);
        QCOMPARE(RecordFormat::value(1.55, u"mg/dL"_s, QString(), en), u"1.55 mg/dL"_s);
        QCOMPARE(RecordFormat::value(std::nullopt, u"Cel"_s, u"Positive"_s, en), u"Positive"_s);
        const QLocale es(QLocale::Spanish, QLocale::Spain);
        QCOMPARE(RecordFormat::value(36.7, u"Cel"_s, QString(), es), u"36,7 °C"_s);
        QCOMPARE(RecordFormat::value(27.14, u"kg/m2"_s, QString(), es), u"27,1 kg/m²"_s);
    }

    // JSON value objects (summaries, conflicts, components); a result without a value reads its components.
    void jsonValues()
    {
        const QLocale en(QLocale::English, QLocale::UnitedStates);
        const QJsonObject temp{{"value"_L1, 36.7}, {"unit"_L1, u"Cel"_s}};
        QCOMPARE(RecordFormat::value(temp, en), u"36.7 °C"_s);
        QCOMPARE(RecordFormat::value(QJsonObject{{"text"_L1, u"Positive"_s}}, en), u"Positive"_s);
        QCOMPARE(RecordFormat::resultValue(temp, en), u"36.7 °C"_s);
        const QJsonObject bp{{"components"_L1, QJsonArray{QJsonObject{{"value"_L1, 140}, {"unit"_L1, u"mm[Hg]"_s}},
                                                           QJsonObject{{"value"_L1, 77}, {"unit"_L1, u"mm[Hg]"_s}}}}};
        QCOMPARE(RecordFormat::value(bp, en), QString());
        QCOMPARE(RecordFormat::resultValue(bp, en), u"140/77 mmHg"_s);
        QCOMPARE(RecordFormat::resultValue(QJsonObject(), en), QString());
        QCOMPARE(RecordFormat::jsonNumber(temp, "value"_L1), std::optional<double>(36.7));
        QCOMPARE(RecordFormat::jsonNumber(temp, "unit"_L1), std::nullopt);
    }

    // Dates for people carry the month's name and all four digits of the year in every locale: the short numeric
    // form ("3/2/46") is 2 March in Spain and 3 February in the US, and its century is a guess.
    void datesCannotBeMisread_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("valentines");
        QTest::addColumn<QString>("born");
        QTest::newRow("en_US") << QLocale(QLocale::English, QLocale::UnitedStates) << u"Feb 14, 2019"_s
                               << u"Mar 2, 1946"_s;
        QTest::newRow("es_ES") << QLocale(QLocale::Spanish, QLocale::Spain) << u"14 feb 2019"_s << u"2 mar 1946"_s;
        QTest::newRow("de_DE") << QLocale(QLocale::German, QLocale::Germany) << u"14. Feb. 2019"_s
                               << u"2. März 1946"_s;
        QTest::newRow("C") << QLocale::c() << u"14 Feb 2019"_s << u"2 Mar 1946"_s;
    }
    void datesCannotBeMisread()
    {
        QFETCH(QLocale, locale);
        QFETCH(QString, valentines);
        QFETCH(QString, born);
        for (const auto& [date, expected] :
             {std::pair{QDate(2019, 2, 14), valentines}, std::pair{QDate(1946, 3, 2), born}}) {
            const QString shown = RecordFormat::calendarDate(date, locale);
            QCOMPARE(shown, expected);
            QVERIFY2(shown.contains(QString::number(date.year())), qPrintable(shown));
            QVERIFY2(shown.contains(locale.monthName(date.month(), QLocale::ShortFormat)), qPrintable(shown));
            static const QRegularExpression numeric(u"^\\d+\\D+\\d+\\D+\\d+$"_s);
            QVERIFY2(!numeric.match(shown).hasMatch(), qPrintable(shown));
            // Stored dates and times read the same.
            QCOMPARE(RecordFormat::date(date.toString(Qt::ISODate), locale), expected);
            QCOMPARE(RecordFormat::dateTime(date.toString(Qt::ISODate), locale), expected);
            const QDateTime noon(date, QTime(12, 0), Qt::LocalTime);
            QCOMPARE(RecordFormat::date(noon.toUTC().toString(Qt::ISODateWithMs), locale), expected);
            const QString withTime = RecordFormat::dateTime(noon.toUTC().toString(Qt::ISODateWithMs), locale);
            QVERIFY2(withTime.startsWith(expected + u' '), qPrintable(withTime));
            QVERIFY2(withTime.contains(u"12:00"_s), qPrintable(withTime));
            QVERIFY2(!withTime.contains(u"12:00:00"_s), qPrintable(withTime)); // minutes are enough
            QCOMPARE(RecordFormat::calendarDateTime(noon, locale), withTime);
        }
        QCOMPARE(RecordFormat::calendarDate(QDate(), locale), QString());
        QCOMPARE(RecordFormat::calendarDateTime(QDateTime(), locale), QString());
    }

    // Other languages' orders and marks: the weekday goes wherever it stood, the year keeps its four digits.
    void datesInOtherLocales()
    {
        const QDate d(2019, 2, 14);
        QCOMPARE(RecordFormat::calendarDate(d, QLocale(QLocale::Japanese, QLocale::Japan)), u"2019年2月14日"_s);
        QCOMPARE(RecordFormat::calendarDate(d, QLocale(QLocale::Hungarian, QLocale::Hungary)),
                 u"2019. febr. 14."_s);
        QCOMPARE(RecordFormat::calendarDate(d, QLocale(QLocale::Portuguese, QLocale::Brazil)), u"14 fev. 2019"_s);
        QCOMPARE(RecordFormat::longDate(d, QLocale(QLocale::English, QLocale::UnitedStates)),
                 u"February 14, 2019"_s);
        QCOMPARE(RecordFormat::longDate(d, QLocale(QLocale::Hungarian, QLocale::Hungary)), u"2019. február 14."_s);
    }
};

QTEST_GUILESS_MAIN(TestRecordFormat)
#include "TestRecordFormat.moc"
