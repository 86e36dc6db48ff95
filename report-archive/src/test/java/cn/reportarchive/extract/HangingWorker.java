package cn.reportarchive.extract;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;

/**
 * A parser process that speaks the worker protocol and never answers for a file whose name starts
 * with "hang": a runaway parse that no machine, quiet or loaded, finishes within any time limit, so
 * a test of the time-out does not depend on how fast a real parser is. Every other file is answered
 * at once with a line naming it.
 */
public final class HangingWorker {
    private HangingWorker() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        out.writeInt(WorkerProtocol.READY);
        out.flush();
        for (WorkerProtocol.Request r = WorkerProtocol.readRequest(in); r != null; r = WorkerProtocol.readRequest(in)) {
            if (r.filename().startsWith("hang")) {
                Thread.sleep(Long.MAX_VALUE); // until the archive kills this process
            }
            WorkerProtocol.writeText(out, new RawText("read " + r.filename(), "text/plain"));
        }
    }
}
