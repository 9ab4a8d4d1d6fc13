#pragma once

#include "core/records/RecordTypes.h"

#include <QBuffer>
#include <QWidget>

class QLabel;
class QPdfDocument;
class QPdfView;
class QScrollArea;
class QStackedWidget;
class QTextBrowser;

namespace hh::ui {

// Shows a document's content inside the app, from bytes already in the vault: plain text and HTML
// in a text browser that loads nothing (no remote content, no local files, links not followed),
// PDF with QPdfView, images in a scroll area; anything else gets a message. objectNames:
// documentTextBrowser, documentPdfView, documentImageLabel, documentMessageLabel.
class DocumentViewer final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocumentViewer)
public:
    enum class Mode { Message, Text, Html, Pdf, Image };
    Q_ENUM(Mode)

    explicit DocumentViewer(QWidget* parent = nullptr);
    ~DocumentViewer() override;

    void showMessage(const QString& message);
    void setDocument(const records::DocumentContent& document);

    [[nodiscard]] Mode mode() const { return m_mode; }
    [[nodiscard]] QTextBrowser* textBrowser() const { return m_text; }
    [[nodiscard]] QPdfView* pdfView() const { return m_pdfView; }
    [[nodiscard]] QPdfDocument* pdfDocument() const { return m_pdf; }

private:
    void setMode(Mode mode);

    Mode m_mode = Mode::Message;
    QStackedWidget* m_stack;
    QLabel* m_message;
    QTextBrowser* m_text;
    QPdfView* m_pdfView;
    QPdfDocument* m_pdf;
    QBuffer m_pdfBuffer;
    QScrollArea* m_imageArea;
    QLabel* m_image;
};

} // namespace hh::ui
