resource "aws_appmesh_virtual_node" "api" {
  name      = "api"
  mesh_name = "main"

  spec {
    backend {
      virtual_service {
        virtual_service_name = "orders.local"
      }

      # billing is second
      virtual_service {
        virtual_service_name = "billing.local"
      }
      virtual_service {
        virtual_service_name = "users.local"
      }
    }
  }
}
