package cn.reportarchive.extract.ocr;

import cn.reportarchive.extract.ExtractionException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.imageio.ImageReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Reads scanned pages: the pages of a PDF that have no text layer, or every frame of a JPEG, PNG or
 * TIFF. A PDF page is OCR'd when its text layer has fewer than {@link #TEXT_LAYER_MIN} letters and
 * digits and it carries a picture of a page: a scanner's page is one image of the page's shape
 * (aspect within {@link #PAGE_SHAPE} of the page's) at a resolution no scanner goes below
 * ({@link #MIN_SCAN_DPI}), with at most a page number or a stamp as text. A page with text keeps it
 * (OCR would only add errors), and so does a short page whose only picture is a seal or a logo
 * (a last page with the signature, the date and the red seal). Pages are read one after another,
 * each behind the {@link PageGate}; a page that cannot be read is left out and named in a problem.
 */
public final class ScanReader {
    /** A text page of a report has hundreds of characters; a scan's text layer, if any, a page number. */
    static final int TEXT_LAYER_MIN = 20;
    /** After this many pages in a row that ran out of time, the rest would too: they are left unread. */
    static final int TIMEOUTS_IN_A_ROW = 3;
    /** A scan's image has the page's aspect ratio, give or take this share (margins cropped, a tilt). */
    static final double PAGE_SHAPE = 0.2;
    /** An image this coarse over the page's width is a picture on the page, not a scan of it. */
    static final double MIN_SCAN_DPI = 50;
    /** Forms inside forms deeper than this are not searched for images. */
    private static final int FORM_DEPTH = 4;

    private final Tesseract tesseract;
    private final OcrSettings settings;
    private final PageGate gate;

    public ScanReader(Tesseract tesseract, OcrSettings settings, PageGate gate) {
        this.tesseract = tesseract;
        this.settings = settings;
        this.gate = gate;
    }

    /** Whether a PDF whose pages' text layers are these needs any OCR; decided without opening the PDF again. */
    public static boolean mayNeedOcr(List<String> layerPages) {
        return layerPages.stream().anyMatch(p -> letters(p) < TEXT_LAYER_MIN);
    }

    /**
     * The PDF's text with its scanned pages read, or null when no page is a scan (then the text
     * layer is the text, exactly as without OCR).
     */
    public OcrResult readPdf(byte[] pdf, List<String> layerPages) throws ExtractionException, IOException, InterruptedException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int count = document.getNumberOfPages();
            List<Integer> scanned = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String layer = i < layerPages.size() ? layerPages.get(i) : "";
                PDPage page = document.getPage(i);
                if (letters(layer) < TEXT_LAYER_MIN && hasPageImage(page.getResources(), page.getCropBox(), 0)) {
                    scanned.add(i);
                }
            }
            if (scanned.isEmpty()) {
                return null;
            }
            requireTesseract();
            PDFRenderer renderer = new PDFRenderer(document);
            Pages pages = new Pages(scanned.size(), true);
            String[] texts = new String[count];
            for (int i = 0; i < count; i++) {
                texts[i] = i < layerPages.size() ? layerPages.get(i) : "";
            }
            for (int i : scanned) {
                int index = i;
                OcrPage page = pages.next(i + 1, () -> PageImages.render(renderer, document.getPage(index), index, settings.dpi()));
                if (page.status() == OcrPage.Status.READ) {
                    texts[i] = page.text();
                }
            }
            return pages.result(String.join("\n", texts));
        }
    }

    /** Every frame of an image file read by OCR (a multi-page TIFF is a scanned document). */
    public OcrResult readImage(byte[] bytes) throws ExtractionException, IOException, InterruptedException {
        ImageReader reader = PageImages.reader(bytes);
        if (reader == null) {
            throw new ExtractionException("图片文件已损坏或格式不受支持，无法识别，未导入。");
        }
        try {
            int frames = reader.getNumImages(true);
            requireTesseract();
            Pages pages = new Pages(frames, false);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < frames; i++) {
                int index = i;
                OcrPage page = pages.next(i + 1, () -> PageImages.frame(reader, index));
                text.append(page.text()).append('\n');
            }
            return pages.result(text.toString());
        } finally {
            reader.dispose();
        }
    }

    private void requireTesseract() throws ExtractionException {
        String missing = tesseract.missing();
        if (missing != null) {
            throw new ExtractionException("无法识别扫描件：本机未安装文字识别程序（tesseract 及其简体中文数据），未导入。",
                    new IOException(missing));
        }
    }

    private interface PageImage {
        BufferedImage get() throws IOException;
    }

    /** The pages of one file as they are read: the cap, the gate, the run of time-outs and the problems. */
    private final class Pages {
        private final int total;
        /** Whether the ink on a page says how much text it holds: on a scanner's page, yes; on a photo, whose
         *  table, shadow or dark background is ink too, no. */
        private final boolean inkIsText;
        private final Map<OcrPage.Status, TreeSet<Integer>> problems = new EnumMap<>(OcrPage.Status.class);
        private int started;
        private int read;
        private int timeoutsInARow;

        Pages(int total, boolean inkIsText) {
            this.total = Math.min(total, settings.maxPages());
            this.inkIsText = inkIsText;
        }

        OcrPage next(int pageNumber, PageImage image) throws IOException, InterruptedException {
            OcrPage page = readOne(image);
            if (page.status() == OcrPage.Status.READ) {
                read++;
            } else {
                problems.computeIfAbsent(page.status(), s -> new TreeSet<>()).add(pageNumber);
            }
            timeoutsInARow = page.status() == OcrPage.Status.TIMED_OUT ? timeoutsInARow + 1 : 0;
            return page;
        }

        private OcrPage readOne(PageImage image) throws IOException, InterruptedException {
            if (started >= total) {
                return OcrPage.without(OcrPage.Status.OVER_CAP);
            }
            if (timeoutsInARow >= TIMEOUTS_IN_A_ROW) {
                return OcrPage.without(OcrPage.Status.TIMED_OUT);
            }
            started++;
            gate.enter(started, total);
            BufferedImage gray;
            try {
                gray = PageImages.gray(image.get());
            } catch (IOException | RuntimeException e) {
                return OcrPage.without(OcrPage.Status.ILLEGIBLE); // a broken image on one page spoils only that page
            }
            OcrPage.Status hopeless = PageImages.hopeless(gray);
            if (hopeless != null) {
                return OcrPage.without(hopeless);
            }
            gray = Deskew.straighten(gray);
            Tesseract.TesseractResult result = tesseract.read(gray, settings.pageTimeout());
            return result.timedOut() ? OcrPage.without(OcrPage.Status.TIMED_OUT)
                    : OcrPage.of(result.lines(), inkIsText ? PageImages.inkPixels(gray) : 0);
        }

        /** Refused when OCR read nothing and the rest of the file has no text either. */
        OcrResult result(String text) throws ExtractionException {
            if (read == 0 && letters(text) < TEXT_LAYER_MIN) {
                throw new ExtractionException(nothingRead());
            }
            List<String> sentences = new ArrayList<>();
            problems.forEach((status, numbers) -> sentences.add(sentence(status, numbers)));
            return new OcrResult(text, read, sentences);
        }

        private String nothingRead() {
            if (problems.containsKey(OcrPage.Status.TIMED_OUT) && problems.size() == 1) {
                return "扫描件文字识别超时（每页超过 " + settings.pageTimeout().toSeconds() + " 秒），未导入。";
            }
            return "扫描件中没有识别出文字（页面空白、过于模糊、倾斜或不是文字页），未导入。";
        }

        private String sentence(OcrPage.Status status, TreeSet<Integer> numbers) {
            String which = pageList(numbers);
            return switch (status) {
                case BLANK -> which + "是空白页或没有可识别的文字。";
                case ILLEGIBLE -> which + "无法识别（图像模糊、倾斜或不是文字），其内容未收入，请对照原件核对。";
                case TIMED_OUT -> which + "文字识别超时，其内容未收入，请对照原件核对。";
                case OVER_CAP -> "扫描件超过 " + settings.maxPages() + " 页的识别上限，" + which
                        + "未识别，其内容未收入。";
                case READ -> throw new IllegalArgumentException();
            };
        }
    }

    /** "第 3 页", "第 3、7 页", "第 5–200 页": runs collapsed, so that 200 pages make one short sentence. */
    static String pageList(TreeSet<Integer> numbers) {
        List<String> runs = new ArrayList<>();
        Integer start = null;
        Integer previous = null;
        for (int n : numbers) {
            if (previous != null && n == previous + 1) {
                previous = n;
                continue;
            }
            if (start != null) {
                runs.add(start.equals(previous) ? start.toString() : start + "–" + previous);
            }
            start = n;
            previous = n;
        }
        if (start != null) {
            runs.add(start.equals(previous) ? start.toString() : start + "–" + previous);
        }
        return "第 " + String.join("、", runs) + " 页";
    }

    private static boolean hasPageImage(PDResources resources, PDRectangle page, int depth) throws IOException {
        if (resources == null || depth > FORM_DEPTH) {
            return false;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDImageXObject image && isPageShaped(image.getWidth(), image.getHeight(), page)) {
                return true;
            }
            if (x instanceof PDFormXObject form && hasPageImage(form.getResources(), page, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    /** The image has the page's shape, upright or turned a quarter, and is fine enough to be a scan of it. */
    static boolean isPageShaped(int width, int height, PDRectangle page) {
        if (width <= 0 || height <= 0 || page.getWidth() <= 0 || page.getHeight() <= 0) {
            return false;
        }
        double pageAspect = page.getWidth() / page.getHeight();
        double aspect = (double) width / height;
        boolean upright = Math.abs(aspect / pageAspect - 1) <= PAGE_SHAPE;
        boolean turned = Math.abs(aspect * pageAspect - 1) <= PAGE_SHAPE;
        double longSideInches = Math.max(page.getWidth(), page.getHeight()) / 72.0;
        return (upright || turned) && Math.max(width, height) >= MIN_SCAN_DPI * longSideInches;
    }

    static long letters(String text) {
        return text.codePoints().filter(Character::isLetterOrDigit).count();
    }
}
