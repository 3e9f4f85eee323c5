// The part of @kubernetes/client-node the cluster reader uses. Bundled as a file of its own beside
// dist/ (scripts/bundle.ts), loaded only with --cluster or the kubeconfig input: the client is
// twenty times the size of everything else, and most runs never talk to a cluster.
export {
  AdmissionregistrationV1Api,
  CoreV1Api,
  KubeConfig,
  KubernetesObjectApi,
} from '@kubernetes/client-node';
