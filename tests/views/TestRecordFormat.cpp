// RecordFormat: how units and values read for people (display only; records keep UCUM codes).
#include "ui/RecordFormat.h"

#include <QJsonArray>
#include <QJsonObject>
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
        QCOMPARE(RecordFormat::value(std::nullopt, u"Cel"_s, u"Positive"_s, en), u"Positive"_s);
        const QLocale es(QLocale::Spanish, QLocale::Spain);
        QCOMPARE(RecordFormat::value(36.7, u"Cel"_s, QString(), es), u"36,7 °C"_s);
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
};

QTEST_GUILESS_MAIN(TestRecordFormat)
#include "TestRecordFormat.moc"
