resource "aws_appmesh_virtual_node" "api" {
  name      = "api"
  mesh_name = "main"

  spec {
    backend {
      dynamic "virtual_service" {
        for_each = ["orders.local"]
        content {
          virtual_service_name = virtual_service.value
        }
      }
    }
  }
}
