package cn.reportarchive.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Scans made from a text PDF, as a scanner or a phone would: every page rendered to gray pixels,
 * turned a little off straight, speckled with noise, and saved as an image-only PDF (JPEG pages, no
 * text layer) or as PNG, JPEG and (multi-page) TIFF files. For the OCR tests and the OCR benchmark,
 * whose source text is then known exactly.
 */
public final class ScanMaker {
    private ScanMaker() {
    }

    /** The first {@code maxPages} pages of a PDF at {@code dpi}, in gray. */
    public static List<BufferedImage> render(byte[] pdf, int dpi, int maxPages) throws IOException {
        List<BufferedImage> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int i = 0; i < Math.min(maxPages, document.getNumberOfPages()); i++) {
                pages.add(renderer.renderImageWithDPI(i, dpi, ImageType.GRAY));
            }
        }
        return pages;
    }

    /** The page turned by {@code degrees} on white paper, with Gaussian noise of {@code sigma} gray levels. */
    public static BufferedImage degrade(BufferedImage page, double degrees, double sigma, long seed) {
        BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(degrees), page.getWidth() / 2.0, page.getHeight() / 2.0);
        g.drawImage(page, 0, 0, null);
        g.dispose();
        Random random = new Random(seed);
        WritableRaster raster = out.getRaster();
        int[] row = new int[out.getWidth()];
        for (int y = 0; y < out.getHeight(); y++) {
            raster.getSamples(0, y, row.length, 1, 0, row);
            for (int x = 0; x < row.length; x++) {
                row[x] = Math.max(0, Math.min(255, row[x] + (int) Math.round(random.nextGaussian() * sigma)));
            }
            raster.setSamples(0, y, row.length, 1, 0, row);
        }
        return out;
    }

    /** An image-only PDF: each page one JPEG picture at {@code dpi}, as a scanner saves it. */
    public static byte[] imagePdf(List<BufferedImage> pages, int dpi) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (BufferedImage image : pages) {
                float w = image.getWidth() * 72f / dpi;
                float h = image.getHeight() * 72f / dpi;
                PDPage page = new PDPage(new PDRectangle(w, h));
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(JPEGFactory.createFromImage(document, image, 0.85f), 0, 0, w, h);
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    /** One image in {@code format} ("png", "jpeg", "tiff"). */
    public static byte[] image(BufferedImage page, String format) throws IOException {
        return images(List.of(page), format);
    }

    /** Several pages in one file: TIFF holds them all; other formats take the first. */
    public static byte[] images(List<BufferedImage> pages, String format) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            if (pages.size() > 1 && writer.canWriteSequence()) {
                writer.prepareWriteSequence(null);
                for (BufferedImage page : pages) {
                    writer.writeToSequence(new IIOImage(page, null, null), null);
                }
                writer.endWriteSequence();
            } else {
                writer.write(pages.get(0));
            }
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
