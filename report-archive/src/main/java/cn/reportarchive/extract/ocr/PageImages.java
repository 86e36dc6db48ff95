package cn.reportarchive.extract.ocr;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Page images in the one form tesseract is given: 8-bit gray, at most {@link #MAX_PIXELS} pixels
 * (a 12-megapixel phone photo passes; a 30,000 × 30,000 "image" is read subsampled, never decoded
 * whole), and judged blank or not before any OCR is spent on it.
 */
final class PageImages {
    /** A4 at 200 dpi is 3.9 megapixels; four times that is still a page, not a poster. */
    static final long MAX_PIXELS = 16_000_000;
    /** A side shorter than this holds no readable line of Chinese (an icon, a thumbnail). */
    static final int MIN_SIDE = 200;
    /** Darker than this is ink. */
    private static final int INK_LEVEL = 128;
    /** Less ink than this share of the pixels is an empty page (a full page of text at 200 dpi is about 7 %, one line about 0.15 %). */
    static final double MIN_INK = 0.0005;
    /** More than this is a photo or a black page, not text on paper. */
    static final double MAX_INK = 0.5;

    private PageImages() {
    }

    /** Renders a PDF page at {@code dpi}, or lower when the page is so large that it would pass the pixel cap. */
    static BufferedImage render(PDFRenderer renderer, PDPage page, int index, int dpi) throws IOException {
        PDRectangle box = page.getCropBox();
        double inches = Math.max(1e-3, box.getWidth() / 72.0) * Math.max(1e-3, box.getHeight() / 72.0);
        float scaled = (float) Math.min(dpi, Math.sqrt(MAX_PIXELS / inches));
        return renderer.renderImageWithDPI(index, scaled, ImageType.GRAY);
    }

    /** The reader for an image file (JPEG, PNG, TIFF: the JDK's own ImageIO plugins), or null. */
    static ImageReader reader(byte[] bytes) throws IOException {
        ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes));
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            return null;
        }
        ImageReader reader = readers.next();
        reader.setInput(in, false, true);
        return reader;
    }

    /** Frame {@code index} of an image file, subsampled to the pixel cap as it is decoded. */
    static BufferedImage frame(ImageReader reader, int index) throws IOException {
        long pixels = (long) reader.getWidth(index) * reader.getHeight(index);
        int step = (int) Math.ceil(Math.sqrt((double) pixels / MAX_PIXELS));
        ImageReadParam param = reader.getDefaultReadParam();
        if (step > 1) {
            param.setSourceSubsampling(step, step, 0, 0);
        }
        return gray(reader.read(index, param));
    }

    static BufferedImage gray(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        g.setColor(java.awt.Color.WHITE); // transparent PNG areas are paper, not ink
        g.fillRect(0, 0, gray.getWidth(), gray.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return gray;
    }

    /** Blank, black or tiny: no OCR is spent on it. */
    static OcrPage.Status hopeless(BufferedImage gray) {
        if (gray.getWidth() < MIN_SIDE || gray.getHeight() < MIN_SIDE) {
            return OcrPage.Status.BLANK;
        }
        double ink = inkShare(gray);
        if (ink < MIN_INK) {
            return OcrPage.Status.BLANK;
        }
        return ink > MAX_INK ? OcrPage.Status.ILLEGIBLE : null;
    }

    static long inkPixels(BufferedImage gray) {
        return Math.round(inkShare(gray) * gray.getWidth() * gray.getHeight());
    }

    /** Share of dark pixels, on every fourth row and column (a page has millions). */
    static double inkShare(BufferedImage gray) {
        Raster raster = gray.getRaster();
        long dark = 0;
        long seen = 0;
        int[] row = new int[gray.getWidth()];
        for (int y = 0; y < gray.getHeight(); y += 4) {
            raster.getSamples(0, y, gray.getWidth(), 1, 0, row);
            for (int x = 0; x < row.length; x += 4) {
                seen++;
                if (row[x] < INK_LEVEL) {
                    dark++;
                }
            }
        }
        return seen == 0 ? 0 : (double) dark / seen;
    }
}
