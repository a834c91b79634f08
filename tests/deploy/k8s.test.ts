import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentedServe, productionSettings, REPO, yamlDocuments } from './repo.js';

const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };

// Just enough of the Kubernetes schema to read the values under test.
interface Probe {
  httpGet: { path: string; port: string | number };
  initialDelaySeconds: number;
  periodSeconds: number;
  timeoutSeconds: number;
  failureThreshold: number;
}
interface Mount {
  name: string;
  mountPath: string;
  readOnly?: boolean;
}
interface Container {
  name: string;
  image: string;
  command: string[];
  ports?: { name: string; containerPort: number; protocol: string }[];
  envFrom: { configMapRef: { name: string } }[];
  resources: { requests: { cpu: string; memory: string }; limits: { cpu: string; memory: string } };
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  securityContext: { allowPrivilegeEscalation: boolean; readOnlyRootFilesystem: boolean; capabilities: { drop: string[] } };
  volumeMounts: Mount[];
}
interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test narrows it to the kind it reads
  spec: any;
  data?: Record<string, string>;
}

let manifests: Manifest[];
const byKind = (kind: string): Manifest => {
  const found = manifests.filter((m) => m.kind === kind);
  if (found.length !== 1) throw new Error(`expected one ${kind} in k8s/, found ${found.length}`);
  return found[0] as Manifest;
};

beforeAll(async () => {
  const files = readdirSync(join(REPO, 'k8s')).filter((f) => f.endsWith('.yaml'));
  manifests = (await Promise.all(files.map((f) => yamlDocuments(join('k8s', f))))).flat() as unknown as Manifest[];
});

describe('k8s manifests', () => {
  it('parse into exactly a ConfigMap, a Deployment, an HPA and a Service, all named and labelled dash', () => {
    expect(manifests.map((m) => `${m.apiVersion} ${m.kind}`).sort()).toEqual([
      'apps/v1 Deployment',
      'autoscaling/v2 HorizontalPodAutoscaler',
      'v1 ConfigMap',
      'v1 Service',
    ]);
    for (const m of manifests) expect(m.metadata.labels?.['app.kubernetes.io/name']).toBe('dash');
  });

  it('ConfigMap carries the production settings of DEPLOYMENT.md with one worker per pod, and the pod folders', async () => {
    const data = byKind('ConfigMap').data ?? {};
    const production = await productionSettings();
    const settings = Object.fromEntries(Object.entries(data).filter(([k]) => !/_DIR$/.test(k)));
    // The server container's CPU limit is one core and the HPA adds pods: one process per pod, scaled by replicas.
    expect(settings).toEqual({ ...production, DASH_WORKERS: '1' });
    const server = (byKind('Deployment').spec.template.spec.containers as Container[])[0];
    expect(server?.resources.limits.cpu).toBe('1000m');
    expect(Object.values(data).every((v) => typeof v === 'string')).toBe(true);
    expect([data.DASH_DATASETS_DIR, data.DASH_CACHE_DIR, data.DASH_DIST_DIR]).toEqual(['/data/datasets', '/data/state/data_cache', '/data/state/dist']);
  });

  it('Deployment: 2 replicas, server command as documented, resources, readiness and liveness probes', async () => {
    const deployment = byKind('Deployment');
    expect(deployment.spec.replicas).toBe(2);
    const pod = deployment.spec.template.spec;
    expect(deployment.spec.selector.matchLabels).toEqual(deployment.spec.template.metadata.labels);
    const [server] = pod.containers as Container[];
    expect(pod.containers).toHaveLength(1);
    expect(server?.command).toEqual((await documentedServe()).argv);
    expect(server?.ports).toEqual([{ name: 'http', containerPort: 8050, protocol: 'TCP' }]);
    expect(server?.envFrom).toEqual([{ configMapRef: { name: byKind('ConfigMap').metadata.name } }]);
    expect(server?.resources).toEqual({ requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '1000m', memory: '2Gi' } });
    expect(server?.readinessProbe).toEqual({
      httpGet: { path: '/health', port: 'http' },
      initialDelaySeconds: 5,
      periodSeconds: 10,
      timeoutSeconds: 5,
      failureThreshold: 3,
    });
    expect(server?.livenessProbe).toEqual({
      httpGet: { path: '/health?probe=live', port: 'http' },
      initialDelaySeconds: 10,
      periodSeconds: 30,
      timeoutSeconds: 5,
      failureThreshold: 3,
    });
  });

  it('Deployment: non-root, read-only root filesystem, every writable path a volume', () => {
    const pod = byKind('Deployment').spec.template.spec;
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000 });
    const containers = [...(pod.initContainers as Container[]), ...(pod.containers as Container[])];
    expect(containers.map((c) => c.name)).toEqual(['build', 'dash']);
    const volumes = new Set((pod.volumes as { name: string }[]).map((v) => v.name));
    for (const c of containers) {
      expect(c.securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
      for (const mount of c.volumeMounts) expect(volumes.has(mount.name)).toBe(true);
      // A pinned version tag: with IfNotPresent, a node would keep whatever :latest it pulled first.
      expect(c.image).toBe(`dash:${pkg.version}`);
      expect(c.image).not.toMatch(/:latest$|^[^:]+$/);
      expect((c as Container & { imagePullPolicy?: string }).imagePullPolicy).toBe('IfNotPresent');
    }
    // dash never calls the Kubernetes API: no service-account token mounted into the pod.
    expect(pod.automountServiceAccountToken).toBe(false);
  });

  it('init container builds caches and site into the state volume the server reads read-only', () => {
    const pod = byKind('Deployment').spec.template.spec;
    const data = byKind('ConfigMap').data ?? {};
    const [build] = pod.initContainers as Container[];
    const [server] = pod.containers as Container[];
    expect(build?.command.slice(0, 2)).toEqual(['sh', '-c']);
    expect(build?.command[2]).toBe('cp -R data_cache/. "$DASH_CACHE_DIR" && exec node bin/dash.js build');
    expect(build?.envFrom).toEqual(server?.envFrom);
    const mount = (c: Container | undefined, name: string): Mount | undefined => c?.volumeMounts.find((m) => m.name === name);
    // The folders of the ConfigMap lie inside the mounts: written by the build, read by the server.
    expect(data.DASH_CACHE_DIR?.startsWith(`${mount(build, 'state')?.mountPath}/`)).toBe(true);
    expect(data.DASH_DIST_DIR?.startsWith(`${mount(build, 'state')?.mountPath}/`)).toBe(true);
    expect(data.DASH_DATASETS_DIR).toBe(mount(build, 'datasets')?.mountPath);
    expect(mount(build, 'state')?.readOnly).toBeUndefined();
    expect(mount(server, 'state')).toEqual({ name: 'state', mountPath: mount(build, 'state')?.mountPath, readOnly: true });
    expect(mount(build, 'datasets')?.readOnly).toBe(true);
    expect(mount(server, 'datasets')).toBeUndefined();
  });

  it('HPA scales the Deployment between 2 and 8 replicas at 70 % CPU', () => {
    const hpa = byKind('HorizontalPodAutoscaler');
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: byKind('Deployment').metadata.name });
    expect([hpa.spec.minReplicas, hpa.spec.maxReplicas]).toEqual([2, 8]);
    expect(hpa.spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }]);
  });

  it('Service is a ClusterIP on 8050 that selects the pods and targets their http port', () => {
    const service = byKind('Service');
    const pod = byKind('Deployment').spec.template;
    expect(service.spec.type).toBe('ClusterIP');
    expect(service.spec.ports).toEqual([{ name: 'http', port: 8050, targetPort: 'http', protocol: 'TCP' }]);
    for (const [k, v] of Object.entries(service.spec.selector as Record<string, string>)) expect(pod.metadata.labels[k]).toBe(v);
  });
});
