package cn.reportarchive.extract.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * Straightens a page photographed or fed in askew. Tesseract copes with a degree or so; turned 8°,
 * page 1 of formats/report.pdf came out as half its characters in fragments. The angle is the one
 * whose projection of the dark pixels onto the vertical is sharpest (lines of text then fall into
 * few rows), sought within ±{@link #MAX_SKEW}° on a copy at most {@link #WORK_WIDTH} pixels wide;
 * a page tilted more than that is not a page laid on a scanner (orientation by quarter turns is
 * tesseract's own, in page segmentation mode 1).
 */
final class Deskew {
    static final double MAX_SKEW = 12;
    private static final double STEP = 0.25;
    /**
     * Below this tilt tesseract reads as well as on a straight page (pages turned 1–1.5° read at
     * confidence 93), and turning the pixels once more costs more than it gains: with pages at 1°
     * straightened, formats/report.pdf's scan lost 4 of its 27 points. The image is left as it is.
     */
    static final double MIN_CORRECTION = 2;
    private static final int WORK_WIDTH = 1000;
    private static final int INK_LEVEL = 128;

    private Deskew() {
    }

    /** The page turned straight, or the page itself when it is (nearly) straight already. */
    static BufferedImage straighten(BufferedImage gray) {
        double angle = skew(gray);
        return Math.abs(angle) < MIN_CORRECTION ? gray : rotate(gray, -angle);
    }

    /** The page's tilt in degrees (positive: turned clockwise, as {@code Graphics2D.rotate} turns it). */
    static double skew(BufferedImage gray) {
        double scale = Math.min(1.0, (double) WORK_WIDTH / gray.getWidth());
        int w = Math.max(1, (int) (gray.getWidth() * scale));
        int h = Math.max(1, (int) (gray.getHeight() * scale));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(gray, 0, 0, w, h, null);
        g.dispose();
        Raster raster = small.getRaster();
        int[] row = new int[w];
        int[] xs = new int[w * h / 4 + 1];
        int[] ys = new int[xs.length];
        int n = 0;
        for (int y = 0; y < h && n < xs.length; y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w && n < xs.length; x++) {
                if (row[x] < INK_LEVEL) {
                    xs[n] = x;
                    ys[n] = y;
                    n++;
                }
            }
        }
        double best = 0;
        double bestScore = -1;
        int diagonal = (int) Math.ceil(Math.hypot(w, h));
        long[] bins = new long[2 * diagonal + 1];
        for (double a = -MAX_SKEW; a <= MAX_SKEW + 1e-9; a += STEP) {
            double rad = Math.toRadians(a);
            double sin = Math.sin(rad);
            double cos = Math.cos(rad);
            java.util.Arrays.fill(bins, 0);
            for (int i = 0; i < n; i++) {
                // the row this pixel would fall in once the page is turned back by a
                bins[diagonal + (int) Math.round(ys[i] * cos - xs[i] * sin)]++;
            }
            double score = 0;
            for (long b : bins) {
                score += (double) b * b;
            }
            if (score > bestScore) {
                bestScore = score;
                best = a;
            }
        }
        return best;
    }

    private static BufferedImage rotate(BufferedImage gray, double degrees) {
        BufferedImage out = new BufferedImage(gray.getWidth(), gray.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(degrees), gray.getWidth() / 2.0, gray.getHeight() / 2.0);
        g.drawImage(gray, 0, 0, null);
        g.dispose();
        return out;
    }
}
