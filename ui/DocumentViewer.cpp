#include "ui/DocumentViewer.h"

#include "ui/RecordFormat.h"

#include <QImage>
#include <QLabel>
#include <QPdfDocument>
#include <QPdfView>
#include <QPixmap>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStringDecoder>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hh::ui {

namespace {
// A text browser that never loads anything: documents come from health systems and may reference
// remote images or local files; the views work offline and must not reach out.
class OfflineTextBrowser final : public QTextBrowser
{
public:
    explicit OfflineTextBrowser(QWidget* parent) : QTextBrowser(parent)
    {
        setOpenLinks(false);
        setOpenExternalLinks(false);
    }
    QVariant loadResource(int, const QUrl&) override { return {}; }
};

QString decodeText(const QByteArray& data, const QString& contentType)
{
    const QString charset = contentType.section(u"charset="_s, 1).section(u';', 0, 0).trimmed().remove(u'"');
    if (!charset.isEmpty()) {
        QStringDecoder decoder(charset.toLatin1().constData());
        if (decoder.isValid())
            return decoder(data);
    }
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString text = utf8(data);
    if (!utf8.hasError())
        return text;
    return QString::fromLatin1(data);
}
} // namespace

DocumentViewer::DocumentViewer(QWidget* parent)
    : QWidget(parent),
      m_stack(new QStackedWidget(this)),
      m_message(new QLabel(this)),
      m_text(new OfflineTextBrowser(this)),
      m_pdfView(new QPdfView(this)),
      m_pdf(new QPdfDocument(this)),
      m_imageArea(new QScrollArea(this)),
      m_image(new QLabel(this))
{
    setObjectName(u"documentViewer"_s);
    m_message->setObjectName(u"documentMessageLabel"_s);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_text->setObjectName(u"documentTextBrowser"_s);
    m_text->setAccessibleName(tr("Document"));
    m_pdfView->setObjectName(u"documentPdfView"_s);
    m_pdfView->setAccessibleName(tr("PDF document"));
    m_pdfView->setDocument(m_pdf);
    m_pdfView->setPageMode(QPdfView::PageMode::MultiPage);
    m_pdfView->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    m_image->setObjectName(u"documentImageLabel"_s);
    m_image->setAlignment(Qt::AlignCenter);
    m_imageArea->setWidget(m_image);
    m_imageArea->setWidgetResizable(true);
    m_imageArea->setAccessibleName(tr("Image"));

    m_stack->addWidget(m_message);
    m_stack->addWidget(m_text);
    m_stack->addWidget(m_pdfView);
    m_stack->addWidget(m_imageArea);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    showMessage(tr("Choose a document to read it here."));
}

DocumentViewer::~DocumentViewer()
{
    m_pdf->close();
}

void DocumentViewer::setMode(Mode mode)
{
    m_mode = mode;
    switch (mode) {
    case Mode::Message:
        m_stack->setCurrentWidget(m_message);
        break;
    case Mode::Text:
    case Mode::Html:
        m_stack->setCurrentWidget(m_text);
        break;
    case Mode::Pdf:
        m_stack->setCurrentWidget(m_pdfView);
        break;
    case Mode::Image:
        m_stack->setCurrentWidget(m_imageArea);
        break;
    }
}

void DocumentViewer::showMessage(const QString& message)
{
    m_message->setText(message);
    setMode(Mode::Message);
}

void DocumentViewer::setDocument(const records::DocumentContent& document)
{
    const QString type = document.contentType.section(u';', 0, 0).trimmed().toLower();
    if (type == u"application/pdf") {
        m_pdf->close();
        m_pdfBuffer.close();
        m_pdfBuffer.setData(document.data);
        m_pdfBuffer.open(QIODevice::ReadOnly);
        m_pdf->load(&m_pdfBuffer);
        setMode(Mode::Pdf);
        return;
    }
    if (type == u"text/html" || type == u"application/xhtml+xml") {
        m_text->setHtml(decodeText(document.data, document.contentType));
        setMode(Mode::Html);
        return;
    }
    if (type.startsWith(u"text/") || type == u"application/json" || type == u"application/fhir+json"
        || type == u"application/xml") {
        m_text->setPlainText(decodeText(document.data, document.contentType));
        setMode(Mode::Text);
        return;
    }
    if (type.startsWith(u"image/")) {
        const QImage image = QImage::fromData(document.data);
        if (!image.isNull()) {
            m_image->setPixmap(QPixmap::fromImage(image));
            setMode(Mode::Image);
            return;
        }
    }
    showMessage(tr("Health Hub cannot show this kind of document (%1).").arg(RecordFormat::contentType(type)));
}

} // namespace hh::ui
