#pragma once

#include "core/records/RecordTypes.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QPlainTextEdit;

namespace hh::ui {

// The resources a record came from, exactly as each health system sent them, pretty-printed in a
// read-only text view (for the curious; nothing can be edited). One source at a time, chosen from
// a list when there are several. objectNames: rawJsonSourceComboBox, rawJsonPlainTextEdit.
class RawJsonDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RawJsonDialog)
public:
    RawJsonDialog(const QString& title, QList<records::RecordSource> sources, QWidget* parent = nullptr);
    ~RawJsonDialog() override;

    [[nodiscard]] QPlainTextEdit* textEdit() const { return m_text; }
    void showSource(int index);

    // Indented JSON, or the bytes as they are when they are not JSON.
    [[nodiscard]] static QString prettyJson(const QByteArray& json);

private:
    QList<records::RecordSource> m_sources;
    QComboBox* m_combo;
    QPlainTextEdit* m_text;
};

} // namespace hh::ui
