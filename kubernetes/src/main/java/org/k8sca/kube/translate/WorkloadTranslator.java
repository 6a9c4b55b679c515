package org.k8sca.kube.translate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

import org.k8sca.kube.objects.Workload;

/** Translates the controllers that recreate evicted pods into {@link Workload}s. */
public final class WorkloadTranslator {

    private WorkloadTranslator() {}

    public static Workload replicaSet(ReplicaSet rs) throws TranslationException {
        Integer desired = rs.getSpec() == null ? null : rs.getSpec().getReplicas();
        Integer current = rs.getStatus() == null ? null : rs.getStatus().getReplicas();
        return workload("ReplicaSet", rs, desired, current);
    }

    public static Workload replicationController(ReplicationController rc)
            throws TranslationException {
        Integer desired = rc.getSpec() == null ? null : rc.getSpec().getReplicas();
        Integer current = rc.getStatus() == null ? null : rc.getStatus().getReplicas();
        return workload("ReplicationController", rc, desired, current);
    }

    public static Workload statefulSet(StatefulSet ss) throws TranslationException {
        Integer desired = ss.getSpec() == null ? null : ss.getSpec().getReplicas();
        Integer current = ss.getStatus() == null ? null : ss.getStatus().getReplicas();
        return workload("StatefulSet", ss, desired, current);
    }

    /** A Job wants {@code parallelism} pods at once and has {@code active} running. */
    public static Workload job(Job job) throws TranslationException {
        Integer desired = job.getSpec() == null ? null : job.getSpec().getParallelism();
        Integer current = job.getStatus() == null ? null : job.getStatus().getActive();
        return workload("Job", job, desired, current);
    }

    private static Workload workload(
            String kind, HasMetadata object, Integer desired, Integer current)
            throws TranslationException {
        ObjectMeta m = Meta.metadata(object);
        // Kubernetes defaults replicas and parallelism to 1 when unset.
        return new Workload(
                kind,
                Meta.orEmpty(m.getNamespace()),
                m.getName(),
                m.getUid(),
                desired == null ? 1 : desired,
                current == null ? 0 : current);
    }
}
